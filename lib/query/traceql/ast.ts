/**
 * The syntax tree of the TraceQL subset: spanset expressions over spanset filters,
 * whose conditions compare operands (fields and literals). Plain data but for the
 * compiled regular expression a `=~`/`!~` comparison carries.
 */

/** A half-open range [start, end) of the query text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A scalar as TraceQL types it; integers and durations (nanoseconds) are exact. */
export type Scalar =
  | { type: "string"; value: string }
  | { type: "int"; value: bigint }
  | { type: "float"; value: number }
  | { type: "duration"; value: bigint }
  | { type: "bool"; value: boolean }
  /** The span-record StatusCode: 0 unset, 1 ok, 2 error. */
  | { type: "status"; value: number }
  /** The span-record SpanKind: 0 unspecified ... 5 consumer. */
  | { type: "kind"; value: number };

/** What a field holds on one span: a scalar, an array of scalars, nothing (nil), or a value no operator compares (bytes, a key-value list). */
export type Value = Scalar | { type: "array"; elements: Scalar[] } | { type: "nil" } | { type: "opaque" };

export const INTRINSICS = ["name", "status", "statusMessage", "kind", "duration", "rootName", "rootServiceName", "traceDuration"] as const;
export type Intrinsic = (typeof INTRINSICS)[number];

/** `any` is the unscoped `.key`: the span's attribute, else the resource's. */
export type AttributeScope = "span" | "resource" | "any";

export type Field = { kind: "intrinsic"; intrinsic: Intrinsic } | { kind: "attribute"; scope: AttributeScope; key: string };

export type Operand = TextRange & ({ kind: "field"; field: Field } | { kind: "literal"; value: Scalar });

export const COMPARISON_OPERATORS = ["=", "!=", ">", ">=", "<", "<=", "=~", "!~"] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export type Condition = TextRange &
  (
    | { kind: "logical"; op: "&&" | "||"; left: Condition; right: Condition }
    | { kind: "not"; operand: Condition }
    | { kind: "compare"; op: ComparisonOperator; left: Operand; right: Operand; regex?: RegExp }
    /** `field != nil` (present) or `field = nil` (absent). */
    | { kind: "exists"; field: Field; present: boolean }
    /** A bare operand: true when it is the boolean true (`{ true }`, `{ span.cached }`). */
    | { kind: "truthy"; operand: Operand }
    /** `nil = nil` and `nil != nil`, which Tempo makes false. */
    | { kind: "constant"; value: boolean }
  );

export const LOGICAL_SPANSET_OPERATORS = ["&&", "||"] as const;
export const STRUCTURAL_OPERATORS = [">", ">>", "<", "<<", "~", "!>", "!>>", "!<", "!<<", "!~", "&>", "&>>", "&<", "&<<", "&~"] as const;
export type StructuralOperator = (typeof STRUCTURAL_OPERATORS)[number];
export type SpansetOperator = (typeof LOGICAL_SPANSET_OPERATORS)[number] | StructuralOperator;

export type SpansetExpression = TextRange &
  (
    /** `{ }` (condition null) matches every span. */
    | { kind: "filter"; condition: Condition | null }
    | { kind: "spanset"; op: SpansetOperator; left: SpansetExpression; right: SpansetExpression }
  );

/** A parsed query and the text it was parsed from. */
export interface TraceQLQuery {
  text: string;
  root: SpansetExpression;
}
