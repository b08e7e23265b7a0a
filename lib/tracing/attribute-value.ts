import type { AttributeValue } from "@/lib/domain/span-record";

export type SimpleAttribute = string | number | boolean;

/** A JS value in the stored attribute encoding: integers stay numbers, other numbers are doubles. */
export function toAttributeValue(value: SimpleAttribute): AttributeValue {
  if (typeof value !== "number") return value;
  if (Number.isSafeInteger(value)) return value;
  return { double: Number.isFinite(value) ? value : (String(value) as "NaN" | "Infinity" | "-Infinity") };
}
