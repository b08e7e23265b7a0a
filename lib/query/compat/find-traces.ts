import "server-only";
import { DEFAULT_SPANS_PER_SPAN_SET, type TraceSearchQuery } from "@/lib/api/contracts/traces";
import { StatusCode, type SpanRecord } from "@/lib/domain/span-record";
import { readTraceSpans } from "@/lib/store/read/trace-spans";
import type { TagFilter } from "../params/tags";
import { searchTraces } from "../traces/search-traces";

/** A trace search as Jaeger and Zipkin ask it: every condition on one same span (durations too), newest traces first. */
export interface CompatSearch {
  service?: string;
  operation?: string;
  /** Attribute matches. */
  tags: TagFilter[];
  /** Attribute keys or event names (Zipkin's annotationQuery words). */
  words?: string[];
  /** Only spans with error status (the tag `error` of both APIs). */
  error?: boolean;
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
  startNs: bigint;
  endNs: bigint;
  limit: number;
}

/** A larger limit is cut to this, the trace search's own maximum. */
export const MAX_COMPAT_LIMIT = 1500;

/**
 * Both APIs show a span's error status as the tag `error` (Jaeger `error=true`, Zipkin
 * `error` with the message), which the store keeps as the status, not as an attribute:
 * a search for it asks for the status.
 */
export function splitErrorTag(tags: readonly TagFilter[], matchesError: (tag: TagFilter) => boolean): { tags: TagFilter[]; error: boolean } {
  return { tags: tags.filter((tag) => !matchesError(tag)), error: tags.some(matchesError) };
}

function traceSearchQuery(search: CompatSearch): TraceSearchQuery {
  return {
    service: search.service,
    operation: search.operation,
    status: search.error ? StatusCode.ERROR : undefined,
    tags: search.tags,
    minDuration: search.minDurationNs,
    maxDuration: search.maxDurationNs,
    spanDuration: true,
    start: search.startNs,
    end: search.endNs,
    limit: Math.min(Math.max(search.limit, 1), MAX_COMPAT_LIMIT),
    // Read with `q` only; these searches are form searches.
    spss: DEFAULT_SPANS_PER_SPAN_SET,
  };
}

/** Every span of each trace, in the order given; traces with no span stored are left out. */
export async function readTraces(traceIds: readonly string[]): Promise<SpanRecord[][]> {
  const traces = await Promise.all(traceIds.map((traceId) => readTraceSpans(traceId)));
  return traces.filter((spans) => spans.length > 0);
}

/** The spans of each trace that matches, newest first. */
export async function findTraces(search: CompatSearch): Promise<SpanRecord[][]> {
  const { traces } = await searchTraces(traceSearchQuery(search), search.words);
  return readTraces(traces.map((trace) => trace.traceId));
}
