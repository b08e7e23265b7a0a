export { INTRINSICS, type Condition, type Field, type Intrinsic, type Operand, type Scalar, type SpansetExpression, type TraceQLQuery, type Value } from "./ast";
export { completionContext, type CompletionContext, type ReplaceRange } from "./completion-context";
export { TraceQLError, type SourcePosition, type TraceQLErrorKind } from "./errors";
export { fieldValue, matchingSpans, spanMatches, TraceSpans } from "./evaluate";
export { SCOPED_INTRINSICS } from "./fields";
export { formatTraceQL } from "./format";
export { parseTraceQL } from "./parser";
export { queryFields } from "./query-fields";
