import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from "@/lib/domain/span-record";
import { NS_PER_HOUR, NS_PER_MINUTE, NS_PER_MS, NS_PER_S, NS_PER_US } from "@/lib/domain/time-units";
import type { Condition, Field, Operand, Scalar, SpansetExpression, TraceQLQuery } from "./ast";
import { isAttributeChar } from "./tokens";

const DURATION_UNITS: Array<[string, bigint]> = [["h", NS_PER_HOUR], ["m", NS_PER_MINUTE], ["s", NS_PER_S], ["ms", NS_PER_MS], ["us", NS_PER_US], ["ns", 1n]];

/** A duration in the largest unit that keeps it whole (`1500ms`, `2s`). */
function formatDuration(nanos: bigint): string {
  const magnitude = nanos < 0n ? -nanos : nanos;
  const [unit, size] = DURATION_UNITS.find(([, size]) => magnitude % size === 0n) ?? ["ns", 1n];
  return `${nanos / size}${unit}`;
}

export function formatScalar(value: Scalar): string {
  switch (value.type) {
    case "string":
      return JSON.stringify(value.value);
    case "int":
    case "bool":
      return String(value.value);
    case "float":
      return Number.isInteger(value.value) ? value.value.toFixed(1) : String(value.value);
    case "duration":
      return formatDuration(value.value);
    case "status":
      return STATUS_CODE_NAMES[value.value];
    case "kind":
      return SPAN_KIND_NAMES[value.value];
  }
}

/** A key as TraceQL text: quoted when it holds a character an unquoted name cannot. */
export const formatKey = (key: string) => ([...key].every(isAttributeChar) && !key.includes('"') ? key : JSON.stringify(key));

export function formatField(field: Field): string {
  if (field.kind === "intrinsic") return field.intrinsic;
  return `${field.scope === "any" ? "" : field.scope}.${formatKey(field.key)}`;
}

const formatOperand = (operand: Operand) => (operand.kind === "field" ? formatField(operand.field) : formatScalar(operand.value));

function formatCondition(condition: Condition): string {
  const grouped = (inner: Condition) => (inner.kind === "logical" ? `(${formatCondition(inner)})` : formatCondition(inner));
  switch (condition.kind) {
    case "logical":
      return `${grouped(condition.left)} ${condition.op} ${grouped(condition.right)}`;
    case "not":
      return `!${condition.operand.kind === "truthy" ? formatCondition(condition.operand) : `(${formatCondition(condition.operand)})`}`;
    case "compare":
      return `${formatOperand(condition.left)} ${condition.op} ${formatOperand(condition.right)}`;
    case "exists":
      return `${formatField(condition.field)} ${condition.present ? "!=" : "="} nil`;
    case "truthy":
      return formatOperand(condition.operand);
    case "constant":
      return String(condition.value);
  }
}

function formatSpanset(expression: SpansetExpression): string {
  if (expression.kind === "filter") return expression.condition ? `{ ${formatCondition(expression.condition)} }` : "{ }";
  const grouped = (inner: SpansetExpression) => (inner.kind === "spanset" ? `(${formatSpanset(inner)})` : formatSpanset(inner));
  return `${grouped(expression.left)} ${expression.op} ${grouped(expression.right)}`;
}

/** The query in canonical text: one space around operators, every nested operation in parentheses; it parses back to the same tree. */
export function formatTraceQL(query: TraceQLQuery | SpansetExpression): string {
  return formatSpanset("root" in query ? query.root : query);
}
