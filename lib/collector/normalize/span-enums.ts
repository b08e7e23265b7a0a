import { SPAN_KIND_NAMES, STATUS_CODE_NAMES, type SpanKind, type StatusCode } from "@/lib/domain/span-record";

/**
 * Span kinds and status codes from their numbers or names. Names are case-insensitive
 * and may carry the proto enum prefix: `server`, `SERVER` and `SPAN_KIND_SERVER` are 2.
 */
function codeLookup<Code extends number>(names: readonly string[], protoPrefix: string) {
  const byName = new Map<string, Code>();
  names.forEach((name, code) => {
    byName.set(name, code as Code);
    byName.set(`${protoPrefix}${name}`, code as Code);
  });
  return (value: unknown): Code | null => {
    if (typeof value === "number")
      return Number.isInteger(value) && value >= 0 && value < names.length ? (value as Code) : null;
    if (typeof value === "string") return byName.get(value.toLowerCase()) ?? null;
    return null;
  };
}

export const spanKindOf = codeLookup<SpanKind>(SPAN_KIND_NAMES, "span_kind_");
export const statusCodeOf = codeLookup<StatusCode>(STATUS_CODE_NAMES, "status_code_");
