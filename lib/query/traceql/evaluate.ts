import type { SpanRecord } from "@/lib/domain/span-record";
import type { Condition, Field, Operand, SpansetExpression, TraceQLQuery, Value } from "./ast";
import { SpanTree } from "./span-tree";
import { attributeValue, compareValues, NIL } from "./values";

/** One trace's spans with what trace-level intrinsics and structural operators need, computed on first use. */
export class TraceSpans {
  private rootSpan: SpanRecord | null | undefined;
  private duration: bigint | undefined;
  private spanTree: SpanTree | undefined;

  constructor(readonly spans: readonly SpanRecord[]) {}

  /** The parentless span (the earliest, should there be several); null when the trace has none. */
  get root(): SpanRecord | null {
    if (this.rootSpan === undefined) {
      this.rootSpan = null;
      for (const span of this.spans) {
        if (span.parentSpanId === null && (this.rootSpan === null || span.startTimeNs < this.rootSpan.startTimeNs)) this.rootSpan = span;
      }
    }
    return this.rootSpan;
  }

  /** The last end minus the first start. */
  get durationNs(): bigint {
    if (this.duration === undefined) {
      let [first, last] = [this.spans[0]?.startTimeNs ?? 0n, this.spans[0]?.endTimeNs ?? 0n];
      for (const span of this.spans) {
        if (span.startTimeNs < first) first = span.startTimeNs;
        if (span.endTimeNs > last) last = span.endTimeNs;
      }
      this.duration = last - first;
    }
    return this.duration;
  }

  get tree(): SpanTree {
    return (this.spanTree ??= new SpanTree(this.spans));
  }
}

/** What `field` holds on `span`; an unscoped attribute is the span's, else its resource's (Tempo looks in that order). */
export function fieldValue(field: Field, span: SpanRecord, trace: TraceSpans): Value {
  if (field.kind === "attribute") {
    if (field.scope === "span") return attributeValue(span.attributes[field.key]);
    if (field.scope === "resource") return attributeValue(span.resourceAttributes[field.key]);
    const own = span.attributes[field.key];
    return attributeValue(own !== undefined ? own : span.resourceAttributes[field.key]);
  }
  switch (field.intrinsic) {
    case "name":
      return { type: "string", value: span.name };
    case "status":
      return { type: "status", value: span.statusCode };
    case "statusMessage":
      return { type: "string", value: span.statusMessage ?? "" };
    case "kind":
      return { type: "kind", value: span.kind };
    case "duration":
      return { type: "duration", value: span.endTimeNs - span.startTimeNs };
    case "rootName":
      return trace.root ? { type: "string", value: trace.root.name } : NIL;
    case "rootServiceName":
      return trace.root ? { type: "string", value: trace.root.serviceName } : NIL;
    case "traceDuration":
      return { type: "duration", value: trace.durationNs };
  }
}

const operandValue = (operand: Operand, span: SpanRecord, trace: TraceSpans): Value =>
  operand.kind === "literal" ? operand.value : fieldValue(operand.field, span, trace);

/** Whether one span satisfies a filter's condition. */
export function spanMatches(condition: Condition, span: SpanRecord, trace: TraceSpans): boolean {
  switch (condition.kind) {
    case "logical":
      return condition.op === "&&"
        ? spanMatches(condition.left, span, trace) && spanMatches(condition.right, span, trace)
        : spanMatches(condition.left, span, trace) || spanMatches(condition.right, span, trace);
    case "not":
      return !spanMatches(condition.operand, span, trace);
    case "compare":
      return compareValues(condition.op, operandValue(condition.left, span, trace), operandValue(condition.right, span, trace), condition.regex);
    case "exists":
      return (fieldValue(condition.field, span, trace).type !== "nil") === condition.present;
    case "truthy": {
      const value = operandValue(condition.operand, span, trace);
      return value.type === "bool" && value.value;
    }
    case "constant":
      return condition.value;
  }
}

/** The spans of `trace` that `expression` selects, as a 0/1 mask by span index. */
function select(expression: SpansetExpression, trace: TraceSpans): Uint8Array {
  const { spans } = trace;
  if (expression.kind === "filter") {
    const mask = new Uint8Array(spans.length);
    const { condition } = expression;
    for (let index = 0; index < spans.length; index++) if (condition === null || spanMatches(condition, spans[index], trace)) mask[index] = 1;
    return mask;
  }
  const left = select(expression.left, trace);
  const right = select(expression.right, trace);
  if (expression.op === "&&" || expression.op === "||") {
    const [anyLeft, anyRight] = [left.includes(1), right.includes(1)];
    const holds = expression.op === "&&" ? anyLeft && anyRight : anyLeft || anyRight;
    // Tempo's spanset && and || keep the spans of both sides.
    return holds ? left.map((value, index) => value | right[index]) : new Uint8Array(spans.length);
  }
  return trace.tree.select(expression.op, left, right);
}

/** The spans of one trace that the query selects (in the order given); empty when the trace does not match. */
export function matchingSpans(query: TraceQLQuery, spans: readonly SpanRecord[]): SpanRecord[] {
  const mask = select(query.root, new TraceSpans(spans));
  return spans.filter((_, index) => mask[index] === 1);
}
