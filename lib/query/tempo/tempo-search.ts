import "server-only";
import { DEFAULT_TEMPO_SPSS, type TempoSearchQuery, type TempoSearchResponse, type TempoTraceSearchMetadata } from "@/lib/api/contracts/tempo";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import { TempoSearchResponse as SearchResponseMessage } from "@/lib/collector/wire/tempo-proto";
import { parseTraceQL, queryFields, type TraceQLQuery } from "@/lib/query/traceql";
import type { SpanRecord } from "@/lib/domain/span-record";
import { toTimeWindow } from "../params/time-window";
import { findTraceSummaries } from "../traces/trace-summary";
import { searchTraceQL } from "../traces/traceql-search";
import { tempoSpanSet } from "./span-set";
import { tagSearchTraceQL } from "./tags-traceql";
import { tempoAnswer } from "./tempo-answer";

/**
 * `GET /api/search`: a TraceQL query (`q`) or a tag search (`tags`, durations) through
 * the project's TraceQL engine, answered as Tempo's SearchResponse: trace ids without
 * leading zeros, the root service (or Tempo's placeholder while the root is missing),
 * whole milliseconds, per-service span and error counts, and for `q` the matched spans.
 */

const DEFAULT_LIMIT = 20;
/** Tempo's rootServiceName while no root span has arrived (pkg/search RootSpanNotYetReceivedText). */
export const ROOT_SPAN_NOT_YET_RECEIVED = "<root span not yet received>";

/** A stored trace id as Tempo writes it in search results (util.TraceIDToHexString): leading zeros left out. */
const tempoTraceId = (traceId: string) => traceId.replace(/^0+/, "");

function metadata(summary: TraceSummary, spans: readonly SpanRecord[] | null, query: TraceQLQuery, spss: number): TempoTraceSearchMetadata {
  const durationMs = Math.floor(summary.durationMs);
  const spanSet = spans && tempoSpanSet(spans, queryFields(query), spss);
  return {
    traceID: tempoTraceId(summary.traceId),
    rootServiceName: summary.hasRoot ? summary.rootService : ROOT_SPAN_NOT_YET_RECEIVED,
    ...(summary.hasRoot && summary.rootName ? { rootTraceName: summary.rootName } : {}),
    startTimeUnixNano: summary.startTimeUnixNano,
    ...(durationMs > 0 ? { durationMs } : {}),
    ...(spanSet ? { spanSet, spanSets: [spanSet] } : {}),
    serviceStats: Object.fromEntries(
      summary.services.map(({ name, spanCount, errorCount }) => [name, { ...(spanCount ? { spanCount } : {}), ...(errorCount ? { errorCount } : {}) }]),
    ),
  };
}

export async function searchTempoTraces(query: TempoSearchQuery): Promise<TempoSearchResponse> {
  const traceQL = query.q ?? parseTraceQL(tagSearchTraceQL({ tags: query.tags ?? [], minDurationNs: query.minDuration, maxDurationNs: query.maxDuration }));
  const window = toTimeWindow({ start: query.start, end: query.end });
  const { matches } = await searchTraceQL(traceQL, { ...window, excludedRootServices: [], after: null, limit: query.limit ?? DEFAULT_LIMIT });
  const summaries = await findTraceSummaries(matches.map((match) => match.key.traceId));
  const spansOf = new Map(matches.map((match) => [match.key.traceId, match.spans]));
  // A tag search lists no span sets, as Tempo's block search answers only trace fields.
  const traces = summaries.map((summary) => metadata(summary, query.q ? (spansOf.get(summary.traceId) ?? []) : null, traceQL, query.spss ?? DEFAULT_TEMPO_SPSS));
  return { traces, metrics: { completedJobs: 1, totalJobs: 1 } };
}

/** The search in the format the request's Accept asks for (tempopb.SearchResponse in protobuf). */
export async function tempoSearchAnswer(query: TempoSearchQuery, accept: string | null): Promise<Response> {
  return tempoAnswer(SearchResponseMessage, await searchTempoTraces(query), accept);
}
