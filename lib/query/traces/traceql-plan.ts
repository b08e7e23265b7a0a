import type { Condition, Scalar, SpansetExpression } from "@/lib/query/traceql";
import type { AttributeFormula } from "@/lib/store/read/attribute-candidates";
import type { AttributeScope } from "@/lib/store/attributes/attribute-tokens";
import type { SpanConditions } from "@/lib/store/read/trace-search";

/**
 * How a TraceQL query narrows the traces before any span is read:
 * - `candidatePlan`: what the attribute index can answer. Equality, presence and regex
 *   conditions that a span of a filter must meet, ANDed and ORed as the query does, as
 *   formulas over one span's attributes; across spansets, traces are intersected (`&&`,
 *   structural) or united (`||`). A regex term still needs the values it matches, listed
 *   by the search (regex-terms.ts). Anything else (`!=`, `!~`, intrinsics) leaves a
 *   filter unconstrained (`everything`), which the evaluation on the spans then decides.
 * - `pushdown`: the intrinsic conditions (name, status, kind, duration, service, trace
 *   duration) that filters on the query's AND-spine require, as SQL span conditions for
 *   the ordered walk when the index cannot narrow.
 * Both are necessary conditions only: every candidate is still evaluated on its spans.
 */
export type CandidatePlan = { kind: "everything" } | { kind: "spans"; formula: FormulaPlan } | { kind: "all" | "any"; parts: CandidatePlan[] };

/** An attribute's string value matching a regex (anchored, as the parser compiled it). */
export interface RegexTerm {
  key: string;
  scope: AttributeScope | "any";
  pattern: RegExp;
}

/** An attribute formula whose regex terms are still to be turned into the values they match. */
export type FormulaPlan = AttributeFormula | RegexTerm | { all: readonly FormulaPlan[] } | { any: readonly FormulaPlan[] };

const EVERYTHING: CandidatePlan = { kind: "everything" };
const MAX_INT64 = 2n ** 63n - 1n;

/** The stored JSON forms of attribute values equal to `value` (span-record.ts AttributeValue); null when they cannot be listed. */
export function storedFormsOf(value: Scalar): string[] | null {
  switch (value.type) {
    case "string":
      return [JSON.stringify(value.value)];
    case "bool":
      return [String(value.value)];
    case "int":
    case "duration": {
      const n = value.value;
      if (n > MAX_INT64 || n < -MAX_INT64 - 1n) return [];
      const int = n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? String(n) : JSON.stringify({ int: n.toString() });
      return [int, JSON.stringify({ double: Number(n) })];
    }
    case "float": {
      const f = value.value;
      if (Number.isNaN(f)) return [];
      if (!Number.isFinite(f)) return [JSON.stringify({ double: String(f) })];
      if (!Number.isInteger(f)) return [JSON.stringify({ double: f })];
      // Many int64 values round to one double past 2^53: they cannot be listed.
      return Number.isSafeInteger(f) ? [String(f), JSON.stringify({ double: f })] : null;
    }
    default:
      // A status or kind never equals an attribute.
      return [];
  }
}

/** What the attribute index can check of one span's condition; null when it cannot narrow it. */
export function spanFormula(condition: Condition): FormulaPlan | null {
  switch (condition.kind) {
    case "logical": {
      const [left, right] = [spanFormula(condition.left), spanFormula(condition.right)];
      if (condition.op === "||") return left && right ? { any: [left, right] } : null;
      return left && right ? { all: [left, right] } : (left ?? right);
    }
    case "compare": {
      const { left, right } = condition;
      // The parser compiles a regex only with the field on the left and a string on the right.
      if (condition.op === "=~" && condition.regex && left.kind === "field" && left.field.kind === "attribute") {
        return { key: left.field.key, scope: left.field.scope, pattern: condition.regex };
      }
      if (condition.op !== "=") return null;
      const [field, literal] = left.kind === "field" ? [left, right] : [right, left];
      if (field.kind !== "field" || field.field.kind !== "attribute" || literal.kind !== "literal") return null;
      const storedForms = storedFormsOf(literal.value);
      // No listed form (a status, NaN): the index cannot say; the evaluation finds no match.
      return storedForms?.length ? { key: field.field.key, scope: field.field.scope, storedForms } : null;
    }
    case "exists":
      return condition.present && condition.field.kind === "attribute" ? { key: condition.field.key, scope: condition.field.scope, storedForms: null } : null;
    case "truthy":
      return condition.operand.kind === "field" && condition.operand.field.kind === "attribute"
        ? { key: condition.operand.field.key, scope: condition.operand.field.scope, storedForms: ["true"] }
        : null;
    default:
      return null;
  }
}

function combine(kind: "all" | "any", parts: CandidatePlan[]): CandidatePlan {
  const narrowing = parts.filter((part) => part.kind !== "everything");
  if (kind === "any" && narrowing.length < parts.length) return EVERYTHING;
  if (narrowing.length === 0) return EVERYTHING;
  return narrowing.length === 1 ? narrowing[0] : { kind, parts: narrowing };
}

/** The traces the query can match, as the attribute index can tell them. */
export function candidatePlan(expression: SpansetExpression): CandidatePlan {
  if (expression.kind === "filter") {
    const formula = expression.condition && spanFormula(expression.condition);
    return formula ? { kind: "spans", formula } : EVERYTHING;
  }
  const { op, left, right } = expression;
  if (op === "||") return combine("any", [candidatePlan(left), candidatePlan(right)]);
  // `A !> B` selects B spans without the relation: only B must exist.
  if (op.startsWith("!")) return candidatePlan(right);
  return combine("all", [candidatePlan(left), candidatePlan(right)]);
}

/** Conditions on the whole trace and on some span of it that the query requires, for SQL. */
export interface Pushdown {
  spans: SpanConditions[];
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
}

/** The filters whose match every matching trace needs: both sides of `&&` and structural operators, none of `||`. */
function requiredFilters(expression: SpansetExpression): Condition[] {
  if (expression.kind === "filter") return expression.condition ? [expression.condition] : [];
  if (expression.op === "||") return [];
  if (expression.op.startsWith("!")) return requiredFilters(expression.right);
  return [...requiredFilters(expression.left), ...requiredFilters(expression.right)];
}

const conjuncts = (condition: Condition): Condition[] =>
  condition.kind === "logical" && condition.op === "&&" ? [...conjuncts(condition.left), ...conjuncts(condition.right)] : [condition];

const FLIPPED: Record<string, string> = { ">": "<", ">=": "<=", "<": ">", "<=": ">=" };

/** Narrows [min, max] by `op value` (nanoseconds). */
function bound(range: { min?: bigint; max?: bigint }, op: string, value: bigint): void {
  const raise = (min: bigint) => (range.min = range.min === undefined || min > range.min ? min : range.min);
  const lower = (max: bigint) => (range.max = range.max === undefined || max < range.max ? max : range.max);
  if (op === ">") raise(value + 1n);
  if (op === ">=" || op === "=") raise(value);
  if (op === "<") lower(value - 1n);
  if (op === "<=" || op === "=") lower(value);
}

/** The SQL-checkable part of the filters every match requires. */
export function pushdown(expression: SpansetExpression): Pushdown {
  const trace: { min?: bigint; max?: bigint } = {};
  const spans: SpanConditions[] = [];
  for (const filter of requiredFilters(expression)) {
    const span: SpanConditions = { tags: [] };
    const duration: { min?: bigint; max?: bigint } = {};
    for (const condition of conjuncts(filter)) {
      if (condition.kind !== "compare") continue;
      const flipped = condition.left.kind === "literal";
      const [field, literal] = flipped ? [condition.right, condition.left] : [condition.left, condition.right];
      if (field.kind !== "field" || literal.kind !== "literal") continue;
      const op = flipped ? (FLIPPED[condition.op] ?? condition.op) : condition.op;
      const { value } = literal;
      const target = field.field;
      if (target.kind === "attribute") {
        const isService = target.scope === "resource" && target.key === "service.name";
        if (isService && op === "=" && value.type === "string" && value.value !== "") span.serviceName ??= value.value;
        continue;
      }
      if (target.intrinsic === "name" && op === "=" && value.type === "string") span.name ??= value.value;
      if (target.intrinsic === "status" && op === "=" && value.type === "status") span.statusCode ??= value.value;
      if (target.intrinsic === "kind" && op === "=" && value.type === "kind") span.kind ??= value.value;
      if ((value.type === "duration" || value.type === "int") && (target.intrinsic === "duration" || target.intrinsic === "traceDuration")) {
        bound(target.intrinsic === "duration" ? duration : trace, op, value.value);
      }
    }
    if (duration.min !== undefined) span.minDurationNs = duration.min;
    if (duration.max !== undefined) span.maxDurationNs = duration.max;
    if (Object.keys(span).length > 1) spans.push(span);
  }
  return { spans, minDurationNs: trace.min, maxDurationNs: trace.max };
}
