import type { AttributeValue } from "@/lib/domain/span-record";

export type AttributeType = "string" | "bool" | "int" | "double" | "bytes" | "array" | "map";

/** The OTLP type of a stored attribute value (see span-record.ts: a plain number is an int64, doubles are wrapped). */
export function attributeType(value: AttributeValue): AttributeType {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return "int";
  if (Array.isArray(value)) return "array";
  if ("int" in value) return "int";
  if ("double" in value) return "double";
  if ("bytes" in value) return "bytes";
  return "map";
}
