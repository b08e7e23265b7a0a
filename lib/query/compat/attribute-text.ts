import type { AttributeValue } from "@/lib/domain/span-record";

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/** A stored value as plain JSON: ints past 2^53 and non-finite doubles as their text, bytes as base64. */
function plain(value: AttributeValue): Plain {
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(plain);
  if ("int" in value) return value.int;
  if ("double" in value) return value.double;
  if ("bytes" in value) return value.bytes;
  return Object.fromEntries(Object.entries(value.kvlist).map(([key, item]) => [key, plain(item)]));
}

/**
 * A typed attribute as the text Zipkin tags and Jaeger string tags carry (as the
 * OpenTelemetry Collector's Zipkin and Jaeger translators write them): scalars as their
 * text, arrays and key-value lists as JSON.
 */
export function attributeText(value: AttributeValue): string {
  const json = plain(value);
  return typeof json === "object" ? JSON.stringify(json) : String(json);
}
