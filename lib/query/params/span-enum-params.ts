import { z } from "zod";
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES, type SpanKind, type StatusCode } from "@/lib/domain/span-record";

/** `kind=server` and friends (OTLP names, lowercase), to the stored OTLP number. An invalid value gets 400 listing the valid ones. */
export const SpanKindParam = z.enum(SPAN_KIND_NAMES).transform((name) => SPAN_KIND_NAMES.indexOf(name) as SpanKind);

/** `status=error|ok|unset`, to the stored OTLP number. */
export const StatusParam = z.enum(STATUS_CODE_NAMES).transform((name) => STATUS_CODE_NAMES.indexOf(name) as StatusCode);

export function spanKindName(kind: number): (typeof SPAN_KIND_NAMES)[number] {
  return SPAN_KIND_NAMES[kind] ?? "unspecified";
}

export function statusName(code: number): (typeof STATUS_CODE_NAMES)[number] {
  return STATUS_CODE_NAMES[code] ?? "unset";
}
