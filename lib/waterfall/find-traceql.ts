import { SPAN_KIND_NAMES, STATUS_CODE_NAMES, type SpanKind, type SpanRecord, type StatusCode } from "@/lib/domain/span-record";
import { matchingSpans, parseTraceQL, TraceQLError } from "@/lib/query/traceql";
import type { WaterfallSpan } from "./waterfall-trace";

/** Find-in-trace text that is a TraceQL query rather than words: it starts with a spanset filter or a parenthesis. */
export const isTraceQLFind = (text: string) => /^\s*[{(]/.test(text);

const NS_PER_MS = 1_000_000;

/** The span as the TraceQL evaluator reads it; ids, times, names, attributes (the rest it never looks at). */
function toRecord(span: WaterfallSpan): SpanRecord {
  const startTimeNs = BigInt(span.startTimeUnixNano);
  return {
    traceId: "",
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    kind: Math.max(0, SPAN_KIND_NAMES.indexOf(span.kind as (typeof SPAN_KIND_NAMES)[number])) as SpanKind,
    startTimeNs,
    endTimeNs: startTimeNs + BigInt(Math.round(span.durationMs * NS_PER_MS)),
    statusCode: STATUS_CODE_NAMES.indexOf(span.status) as StatusCode,
    statusMessage: span.statusMessage,
    serviceName: span.service,
    resourceAttributes: span.resourceAttributes,
    attributes: span.attributes,
    events: [],
    links: [],
    scopeName: span.scope,
    scopeVersion: null,
    traceState: span.traceState,
  };
}

/** Records per span list, built on the first TraceQL find and kept while the list lives. */
const recordsOf = new WeakMap<readonly WaterfallSpan[], SpanRecord[]>();

/**
 * The rows a TraceQL query selects in this one trace (`{ status = error }`,
 * `{ resource.service.name = "api" } >> { duration > 50ms }`), evaluated as the trace
 * search evaluates it; a query the parser refuses gives its message instead.
 */
export function findSpansByTraceQL(spans: readonly WaterfallSpan[], text: string): { rows: Set<number>; error: string | null } {
  let records = recordsOf.get(spans);
  if (!records) recordsOf.set(spans, (records = spans.map(toRecord)));
  try {
    const rowOf = new Map(records.map((record, row) => [record, row]));
    return { rows: new Set(matchingSpans(parseTraceQL(text), records).map((record) => rowOf.get(record)!)), error: null };
  } catch (error) {
    if (!(error instanceof TraceQLError)) throw error;
    return { rows: new Set(), error: error.message };
  }
}
