import { z } from "zod";
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from "@/lib/domain/span-record";

export const SpanKindName = z.enum(SPAN_KIND_NAMES);
export const StatusName = z.enum(STATUS_CODE_NAMES);

/** Attributes in their stored typed form (lib/collector/span-record.ts AttributeValue). */
export const TypedAttributes = z.record(z.string(), z.json()).meta({
  description:
    "Typed values: strings, booleans and arrays as themselves; an int64 within ±(2^53-1) a JSON number, a larger one {int: decimal}; a double {double}; bytes {bytes: base64}; a key-value list {kvlist}",
});
