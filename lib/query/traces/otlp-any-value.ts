import type { OtlpKeyValue } from "@/lib/api/contracts/otlp-trace";
import type { AttributeValue, Attributes } from "@/lib/domain/span-record";

type OtlpAnyValue = Record<string, unknown>;

/** A stored typed value back to its OTLP/JSON AnyValue (int64 as a decimal string). */
export function toOtlpAnyValue(value: AttributeValue): OtlpAnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") return { intValue: String(value) };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toOtlpAnyValue) } };
  if ("int" in value) return { intValue: value.int };
  if ("double" in value) return { doubleValue: value.double };
  if ("bytes" in value) return { bytesValue: value.bytes };
  return { kvlistValue: { values: toOtlpKeyValues(value.kvlist) } };
}

export function toOtlpKeyValues(attributes: Attributes): OtlpKeyValue[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: toOtlpAnyValue(value) as OtlpKeyValue["value"] }));
}
