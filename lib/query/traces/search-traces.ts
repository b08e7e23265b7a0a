import "server-only";
import type { TraceSearchQuery, TraceSearchResult } from "@/lib/api/contracts/traces";
import { searchTraceKeys, type SpanConditions } from "@/lib/store/read/trace-search";
import { toTimeWindow } from "../params/time-window";
import { toTagMatch } from "./tag-match";
import { encodeTraceCursor } from "./trace-cursor";
import { findTraceSummaries } from "./trace-summary";

/** The span-level conditions of a search (null when none is asked): they must hold on one same span. */
function spanConditions(query: TraceSearchQuery, words: readonly string[]): SpanConditions | null {
  const tags = (query.tags ?? []).map(toTagMatch);
  const durations = query.spanDuration ? { minDurationNs: query.minDuration, maxDurationNs: query.maxDuration } : {};
  const span = { name: query.operation, kind: query.kind, statusCode: query.status, ...durations };
  if (tags.length === 0 && words.length === 0 && Object.values(span).every((value) => value === undefined)) return null;
  return { ...span, serviceName: query.service, tags, words };
}

/**
 * One page of the trace list (see the SearchTracesEndpoint contract for the filter
 * semantics). `words` (Zipkin's annotationQuery words) are span-level too: each an
 * attribute key or an event name of the span.
 */
export async function searchTraces(query: TraceSearchQuery, words: readonly string[] = []): Promise<TraceSearchResult> {
  const window = toTimeWindow({ start: query.start, end: query.end });
  const traceDurations = query.spanDuration ? {} : { minDurationNs: query.minDuration, maxDurationNs: query.maxDuration };
  // One more than the page tells whether a next page exists.
  const keys = await searchTraceKeys({
    ...window,
    ...traceDurations,
    serviceName: query.service,
    excludedRootServices: query.excludeService ?? [],
    span: spanConditions(query, words),
    after: query.cursor ?? null,
    limit: query.limit + 1,
  });
  const page = keys.slice(0, query.limit);
  const last = page.at(-1);
  return {
    traces: await findTraceSummaries(page.map((key) => key.traceId)),
    nextCursor: keys.length > query.limit && last ? encodeTraceCursor(last) : null,
    durationFilter: query.spanDuration ? "span" : "trace",
    window: { startTimeUnixNano: window.startNs.toString(), endTimeUnixNano: window.endNs.toString() },
  };
}
