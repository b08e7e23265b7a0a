import type { AttributeValue, Attributes } from "@/lib/domain/span-record";
import { MAX_VALUE_NESTING, setAttribute, storedDouble } from "./attributes";
import { bytesToBase64, decodeBase64 } from "./bytes";
import { FieldError, rethrowUnder, show } from "./field-error";
import { isObject } from "./is-object";
import { isLong, longToBigInt } from "./long-int";

/**
 * OTLP `KeyValue[]` and `AnyValue` (common.proto) to the stored attribute encoding.
 * Values arrive in proto3 JSON form (int64 as string or number, bytes as base64), or as
 * decoded protobuf messages (int64 as long.js values, bytes as Uint8Array). A null field
 * is unset.
 * An empty AnyValue (no field set) has no stored form: its key or array slot is left out.
 */

const MAX_INT64 = 2n ** 63n - 1n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INT64_TEXT = /^-?\d{1,19}$/;
/** Up to 15 digits is always a safe integer, so Number() is exact and BigInt unnecessary. */
const SHORT_INT_CHARS = 15;
const DOUBLE_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);

type WireAnyValue = {
  stringValue?: unknown;
  boolValue?: unknown;
  intValue?: unknown;
  doubleValue?: unknown;
  arrayValue?: unknown;
  kvlistValue?: unknown;
  bytesValue?: unknown;
};

export function otlpAttributes(list: unknown, depth = 0): Attributes {
  const attributes: Attributes = {};
  if (list == null) return attributes;
  if (!Array.isArray(list)) throw new FieldError("", `expected an array of KeyValue, got ${show(list)}`);
  for (let i = 0; i < list.length; i++) {
    const pair: unknown = list[i];
    if (!isObject(pair)) throw new FieldError(String(i), `expected a KeyValue object, got ${show(pair)}`);
    if (typeof pair.key !== "string") throw new FieldError(`${i}.key`, `expected a string, got ${show(pair.key)}`);
    let value: AttributeValue | undefined;
    try {
      value = pair.value == null ? undefined : otlpAnyValue(pair.value, depth);
    } catch (error) {
      rethrowUnder(error, `${i}.value`);
    }
    if (value !== undefined) setAttribute(attributes, pair.key, value);
  }
  return attributes;
}

export function otlpAnyValue(value: unknown, depth = 0): AttributeValue | undefined {
  if (!isObject(value)) throw new FieldError("", `expected an AnyValue object, got ${show(value)}`);
  if (depth > MAX_VALUE_NESTING)
    throw new FieldError("", `arrays and kvlists nested deeper than ${MAX_VALUE_NESTING} levels`);
  const v: WireAnyValue = value;
  if (v.stringValue != null)
    return checked(v.stringValue, "stringValue", typeof v.stringValue === "string" ? v.stringValue : null, "a string");
  if (v.intValue != null)
    return checked(
      v.intValue,
      "intValue",
      int64(v.intValue),
      "an int64 (a decimal string, or a number within ±(2^53-1))",
    );
  if (v.boolValue != null)
    return checked(v.boolValue, "boolValue", typeof v.boolValue === "boolean" ? v.boolValue : null, "a boolean");
  if (v.doubleValue != null) return checked(v.doubleValue, "doubleValue", double(v.doubleValue), "a double");
  if (v.arrayValue != null) return nested(arrayValues, v.arrayValue, depth, "arrayValue");
  if (v.kvlistValue != null) return { kvlist: nested(otlpAttributes, v.kvlistValue, depth, "kvlistValue") };
  if (v.bytesValue != null) return checked(v.bytesValue, "bytesValue", bytes(v.bytesValue), "base64");
  return undefined;
}

function checked(raw: unknown, field: string, converted: AttributeValue | null, what: string): AttributeValue {
  if (converted === null) throw new FieldError(field, `expected ${what}, got ${show(raw)}`);
  return converted;
}

/** The `values` of an ArrayValue or KeyValueList, converted one level deeper. */
function nested<T>(
  convert: (values: unknown[], depth: number) => T,
  container: unknown,
  depth: number,
  field: string,
): T {
  if (!isObject(container)) throw new FieldError(field, `expected an object with values, got ${show(container)}`);
  const { values } = container;
  if (values != null && !Array.isArray(values))
    throw new FieldError(`${field}.values`, `expected an array, got ${show(values)}`);
  try {
    return convert(values ?? [], depth + 1);
  } catch (error) {
    return rethrowUnder(error, `${field}.values`);
  }
}

function arrayValues(values: unknown[], depth: number): AttributeValue[] {
  const out: AttributeValue[] = [];
  for (let i = 0; i < values.length; i++) {
    try {
      const value = otlpAnyValue(values[i], depth);
      if (value !== undefined) out.push(value);
    } catch (error) {
      rethrowUnder(error, i);
    }
  }
  return out;
}

function int64(value: unknown): AttributeValue | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : null;
  if (isLong(value)) return storedInt(longToBigInt(value));
  if (typeof value !== "string" || !INT64_TEXT.test(value)) return null;
  if (value.length <= SHORT_INT_CHARS) return Number(value);
  const big = BigInt(value);
  return big > MAX_INT64 || big < -MAX_INT64 - 1n ? null : storedInt(big);
}

function storedInt(value: bigint): AttributeValue {
  return value >= -MAX_SAFE && value <= MAX_SAFE ? Number(value) : { int: value.toString() };
}

function double(value: unknown): AttributeValue | null {
  if (typeof value === "number") return storedDouble(value);
  if (typeof value !== "string") return null;
  if (NON_FINITE.has(value) || DOUBLE_TEXT.test(value)) return storedDouble(Number(value));
  return null;
}

function bytes(value: unknown): AttributeValue | null {
  if (value instanceof Uint8Array) return { bytes: bytesToBase64(value) };
  const raw = typeof value === "string" ? decodeBase64(value) : null;
  return raw === null ? null : { bytes: raw.toString("base64") };
}
