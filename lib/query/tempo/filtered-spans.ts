import "server-only";
import type { SpanRecord } from "@/lib/domain/span-record";
import type { TraceQLQuery } from "@/lib/query/traceql";
import type { TimeWindow } from "../params/time-window";
import { searchTraceQL } from "../traces/traceql-search";

/** Traces whose matched spans a `q` of the tag listings reads at most (newest first). */
const FILTER_TRACES = 200;

/** True for `{ }`: every span, which the attribute index answers without reading spans. */
export function matchesEverything(query: TraceQLQuery): boolean {
  return query.root.kind === "filter" && query.root.condition === null;
}

/**
 * The spans a TraceQL query selects in the newest matching traces of the window: what
 * Tempo's filtered tag names and values (`q`) list the tags and values of.
 */
export async function spansMatching(query: TraceQLQuery, window: TimeWindow): Promise<SpanRecord[]> {
  const { matches } = await searchTraceQL(query, { ...window, excludedRootServices: [], after: null, limit: FILTER_TRACES });
  return matches.flatMap((match) => match.spans);
}
