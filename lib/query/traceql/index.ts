export type { Condition, Field, Operand, Scalar, SpansetExpression, TraceQLQuery, Value } from "./ast";
export { completionContext, type CompletionContext, type ReplaceRange } from "./completion-context";
export { TraceQLError, type SourcePosition, type TraceQLErrorKind } from "./errors";
export { fieldValue, matchingSpans, spanMatches, TraceSpans } from "./evaluate";
export { formatTraceQL } from "./format";
export { parseTraceQL } from "./parser";
