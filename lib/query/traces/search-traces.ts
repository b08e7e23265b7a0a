import "server-only";
import type { SearchedTrace, SpanSet, TraceSearchQuery, TraceSearchResult } from "@/lib/api/contracts/traces";
import type { SpanRecord } from "@/lib/domain/span-record";
import { nanosToMillis } from "@/lib/domain/time-units";
import { formatTraceQL, type TraceQLQuery } from "@/lib/query/traceql";
import { searchTraceKeys, type SpanConditions, type TraceKey } from "@/lib/store/read/trace-search";
import { byStartThenId } from "../compat/span-order";
import { toTimeWindow, type TimeWindow } from "../params/time-window";
import { toTagMatch } from "./tag-match";
import { encodeTraceCursor } from "./trace-cursor";
import { findTraceSummaries } from "./trace-summary";
import { searchTraceQL } from "./traceql-search";

/** The span-level conditions of a form search (null when none is asked): they must hold on one same span. */
function spanConditions(query: TraceSearchQuery, words: readonly string[]): SpanConditions | null {
  const tags = (query.tags ?? []).map(toTagMatch);
  const durations = query.spanDuration ? { minDurationNs: query.minDuration, maxDurationNs: query.maxDuration } : {};
  const span = { name: query.operation, kind: query.kind, statusCode: query.status, ...durations };
  if (tags.length === 0 && words.length === 0 && Object.values(span).every((value) => value === undefined)) return null;
  return { ...span, serviceName: query.service, tags, words };
}

/** The matched spans of one trace as the answer lists them: the first `limit` by start, and how many there are. */
export function toSpanSet(spans: readonly SpanRecord[], limit: number): SpanSet {
  const first = [...spans].sort(byStartThenId).slice(0, limit);
  return {
    spans: first.map((span) => ({
      spanId: span.spanId,
      name: span.name,
      serviceName: span.serviceName,
      startTimeUnixNano: span.startTimeNs.toString(),
      durationMs: nanosToMillis(span.endTimeNs - span.startTimeNs),
    })),
    matched: spans.length,
  };
}

/**
 * A page of a form search: the trace keys, one more than the page when a next page exists.
 * `words` (Zipkin's annotationQuery words) are span-level too: each an attribute key or
 * an event name of the span.
 */
async function formSearch(query: TraceSearchQuery, window: TimeWindow, words: readonly string[]): Promise<TraceKey[]> {
  const traceDurations = query.spanDuration ? {} : { minDurationNs: query.minDuration, maxDurationNs: query.maxDuration };
  const span = spanConditions(query, words);
  return searchTraceKeys({
    ...window,
    ...traceDurations,
    serviceName: query.service,
    excludedRootServices: query.excludeService ?? [],
    spans: span ? [span] : [],
    after: query.cursor ?? null,
    limit: query.limit + 1,
  });
}

/**
 * One page of the trace list (see the SearchTracesEndpoint contract for the filter
 * semantics): by TraceQL when `q` is given, else by the form's filters and `words`.
 */
export async function searchTraces(query: TraceSearchQuery, words: readonly string[] = []): Promise<TraceSearchResult> {
  const window = toTimeWindow({ start: query.start, end: query.end });
  const answer = { durationFilter: query.spanDuration ? "span" : "trace", window: { startTimeUnixNano: window.startNs.toString(), endTimeUnixNano: window.endNs.toString() } } as const;
  if (query.q) return { ...answer, ...(await traceQLSearch(query, query.q, window)) };
  // One more than the page tells whether a next page exists.
  const keys = await formSearch(query, window, words);
  const page = keys.slice(0, query.limit);
  const last = page.at(-1);
  return {
    ...answer,
    traces: await findTraceSummaries(page.map((key) => key.traceId)),
    nextCursor: keys.length > query.limit && last ? encodeTraceCursor(last) : null,
  };
}

async function traceQLSearch(query: TraceSearchQuery, q: TraceQLQuery, window: TimeWindow): Promise<Pick<TraceSearchResult, "traces" | "nextCursor" | "traceql">> {
  const { matches, stoppedAt } = await searchTraceQL(q, {
    ...window,
    excludedRootServices: query.excludeService ?? [],
    after: query.cursor ?? null,
    limit: query.limit + 1,
  });
  const page = matches.slice(0, query.limit);
  const summaries = await findTraceSummaries(page.map((match) => match.key.traceId));
  const spansOf = new Map(page.map((match) => [match.key.traceId, match.spans]));
  const traces: SearchedTrace[] = summaries.map((summary) => ({ ...summary, spanSet: toSpanSet(spansOf.get(summary.traceId) ?? [], query.spss) }));
  const continueAfter = matches.length > query.limit ? page.at(-1)!.key : stoppedAt;
  return {
    traces,
    nextCursor: continueAfter ? encodeTraceCursor(continueAfter) : null,
    traceql: { query: formatTraceQL(q), scanLimited: stoppedAt !== null },
  };
}
