import type { AttributeValue, Attributes } from "@/lib/domain/span-record";
import { MAX_VALUE_NESTING, setAttribute, storedDouble } from "./attributes";
import { isObject } from "./is-object";

const TOO_DEEP = Symbol("too deep");

/**
 * Plain JSON attributes (the native format) to the stored encoding: a number is an int when
 * it is a safe integer and a double otherwise, a nested object is a kvlist, null is left
 * out. Null when arrays and objects nest deeper than MAX_VALUE_NESTING.
 */
export function jsonAttributes(object: Record<string, unknown>): Attributes | null {
  try {
    return attributesOf(object, 0);
  } catch (error) {
    if (error === TOO_DEEP) return null;
    throw error;
  }
}

function attributesOf(object: Record<string, unknown>, depth: number): Attributes {
  const attributes: Attributes = {};
  for (const key in object) {
    const stored = valueOf(object[key], depth);
    if (stored !== undefined) setAttribute(attributes, key, stored);
  }
  return attributes;
}

/** `depth` counts the arrays and objects around the value, as for OTLP values. */
function valueOf(value: unknown, depth: number): AttributeValue | undefined {
  if (depth > MAX_VALUE_NESTING) throw TOO_DEEP;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isSafeInteger(value) ? value : storedDouble(value);
  }
  if (Array.isArray(value)) return value.map((item) => valueOf(item, depth + 1)).filter((item) => item !== undefined);
  if (isObject(value)) return { kvlist: attributesOf(value, depth + 1) };
  return undefined;
}
