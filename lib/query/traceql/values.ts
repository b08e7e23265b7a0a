import type { AttributeValue } from "@/lib/domain/span-record";
import type { ComparisonOperator, Scalar, Value } from "./ast";

export const NIL: Value = { type: "nil" };

/** The number a double is stored as (`NaN` and the infinities are stored as text). */
const doubleOf = (double: number | string) => (typeof double === "number" ? double : Number(double));

function scalarOf(value: AttributeValue): Scalar | null {
  if (typeof value === "string") return { type: "string", value };
  if (typeof value === "boolean") return { type: "bool", value };
  // A bare JSON number is an int64 within ±(2^53-1); doubles are always wrapped (span-record.ts).
  if (typeof value === "number") return { type: "int", value: BigInt(value) };
  if (Array.isArray(value)) return null;
  if ("int" in value) return { type: "int", value: BigInt(value.int) };
  if ("double" in value) return { type: "float", value: doubleOf(value.double) };
  return null;
}

/** A stored attribute as TraceQL sees it: a scalar, an array of its scalar elements, or opaque (bytes, key-value lists). */
export function attributeValue(value: AttributeValue | undefined): Value {
  if (value === undefined) return NIL;
  if (Array.isArray(value)) return { type: "array", elements: value.flatMap((element) => scalarOf(element) ?? []) };
  return scalarOf(value) ?? { type: "opaque" };
}

const NUMERIC = new Set(["int", "float", "duration"]);
const isNumeric = (scalar: Scalar): scalar is Extract<Scalar, { type: "int" | "float" | "duration" }> => NUMERIC.has(scalar.type);

function ordered(op: ComparisonOperator, order: number): boolean {
  switch (op) {
    case "=":
      return order === 0;
    case "!=":
      return order !== 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    default:
      return false;
  }
}

/** -1, 0 or 1; NaN when either is NaN (then every operator but != is false, as with floats in Go). */
function compareNumbers(left: Extract<Scalar, { value: bigint | number }>, right: Extract<Scalar, { value: bigint | number }>): number {
  if (typeof left.value === "bigint" && typeof right.value === "bigint") return left.value === right.value ? 0 : left.value > right.value ? 1 : -1;
  const [a, b] = [Number(left.value), Number(right.value)];
  return a === b ? 0 : a > b ? 1 : a < b ? -1 : Number.NaN;
}

/**
 * `left op right` on two scalars, as Tempo's engine decides it: operands of different
 * types never match (a string is not the integer it spells, so `!=` is false too);
 * ints, floats and durations compare as numbers; strings order by code unit; booleans,
 * statuses and kinds only take `=` and `!=`; `=~`/`!~` need strings and `pattern`.
 */
function compareScalars(op: ComparisonOperator, left: Scalar, right: Scalar, pattern: RegExp | undefined): boolean {
  if (isNumeric(left) && isNumeric(right)) {
    const order = compareNumbers(left, right);
    return Number.isNaN(order) ? op === "!=" : ordered(op, order);
  }
  if (left.type !== right.type) return false;
  if (left.type === "string") {
    const other = right.value as string;
    if (op === "=~" || op === "!~") return pattern !== undefined && pattern.test(left.value) === (op === "=~");
    return ordered(op, left.value === other ? 0 : left.value > other ? 1 : -1);
  }
  if (op !== "=" && op !== "!=") return false;
  return (left.value === right.value) === (op === "=");
}

/**
 * `left op right` on the values of one span. Nil never matches (`!=` included: Tempo's
 * "missing attribute" answer), nor does an opaque value. Against an array, `=`, `=~` and
 * the orderings hold when some element does, `!=` and `!~` when every element does.
 */
export function compareValues(op: ComparisonOperator, left: Value, right: Value, pattern?: RegExp): boolean {
  if (left.type === "nil" || right.type === "nil" || left.type === "opaque" || right.type === "opaque") return false;
  if (left.type === "array" && right.type === "array") return false;
  if (left.type === "array" || right.type === "array") {
    const each = (element: Scalar) =>
      left.type === "array" ? compareScalars(op, element, right as Scalar, pattern) : compareScalars(op, left, element, pattern);
    const elements = left.type === "array" ? left.elements : (right as { elements: Scalar[] }).elements;
    return op === "!=" || op === "!~" ? elements.every(each) : elements.some(each);
  }
  return compareScalars(op, left, right, pattern);
}
