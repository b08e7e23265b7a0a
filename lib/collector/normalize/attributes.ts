import type { AttributeValue, Attributes } from "@/lib/domain/span-record";

/** Arrays and kvlists nest far less in practice; the limit keeps hostile nesting off the stack. */
export const MAX_VALUE_NESTING = 32;

/** Sets an attribute; a key named `__proto__` becomes an own property instead of a prototype. */
export function setAttribute(attributes: Attributes, key: string, value: AttributeValue): void {
  if (key === "__proto__")
    Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
  else attributes[key] = value;
}

/** The stored form of a double: non-finite values are spelled out, as JSON has no literal for them. */
export function storedDouble(value: number): AttributeValue {
  if (Number.isFinite(value)) return { double: value };
  return { double: Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity" };
}
