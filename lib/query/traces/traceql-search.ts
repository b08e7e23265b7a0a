import "server-only";
import type { SpanRecord } from "@/lib/domain/span-record";
import { matchingSpans, type TraceQLQuery } from "@/lib/query/traceql";
import { candidateTraceIdsFor, indexCoversAllSpans } from "@/lib/store/read/attribute-candidates";
import { readTraceKeys, type TraceKey, type TraceSearchQuery } from "@/lib/store/read/trace-search";
import { readSpansOfTraces } from "@/lib/store/read/trace-spans";
import { expandRegexTerms, NOTHING, type ListingWindow } from "./regex-terms";
import { candidatePlan, pushdown, type CandidatePlan } from "./traceql-plan";

/** Traces whose spans one request reads at most when the index cannot narrow the query (then the page ends early, with a cursor). */
export const MAX_INSPECTED_TRACES = 2_000;
/** Traces whose spans are read in one statement: at least, and at most. */
const SPAN_READ_SLICE = 100;
const MIN_SPAN_READ_SLICE = 8;
/** The ordered walk reads trace keys in batches growing from the first to the last size. */
const WALK_BATCHES = [50, 100, 200, 400];

export interface TraceQLSearch {
  startNs: bigint;
  endNs: bigint;
  excludedRootServices: readonly string[];
  after: TraceKey | null;
  /** Matching traces wanted: the page and one more, which tells that a next page exists. */
  limit: number;
  /** Traces inspected before the walk gives up (MAX_INSPECTED_TRACES unless told). */
  budget?: number;
}

export interface TraceQLPage {
  /** Matching traces in list order with the spans the query selected in each. */
  matches: Array<{ key: TraceKey; spans: SpanRecord[] }>;
  /** Set when the walk stopped at its budget before `limit` matches: the last trace inspected, to continue after. */
  stoppedAt: TraceKey | null;
}

/** The traces the plan allows (null: any), intersected and united as it says. */
async function resolvePlan(plan: CandidatePlan, window: ListingWindow): Promise<Set<string> | null> {
  if (plan.kind === "everything") return null;
  if (plan.kind === "spans") {
    const formula = await expandRegexTerms(plan.formula, window);
    // No indexed value matches: unless spans from before the index remain, no trace does.
    if (formula === NOTHING) return (await indexCoversAllSpans()) ? new Set() : null;
    const ids = formula && (await candidateTraceIdsFor(formula, window.startNs));
    return ids && new Set(ids);
  }
  const sets: Array<Set<string>> = [];
  for (const part of plan.parts) {
    const ids = await resolvePlan(part, window);
    if (ids === null) {
      if (plan.kind === "any") return null;
      continue;
    }
    // An empty side of an AND empties it: the other sides need not be read.
    if (plan.kind === "all" && ids.size === 0) return ids;
    sets.push(ids);
  }
  if (sets.length === 0) return null;
  return plan.kind === "any" ? new Set(sets.flatMap((set) => [...set])) : sets.reduce((left, right) => new Set([...left].filter((id) => right.has(id))));
}

/**
 * One page of traces matching a TraceQL query, newest first. The attribute index
 * narrows the traces first; the rest of the query is evaluated on each candidate's
 * spans, in list order, until the page is full. When the index cannot narrow (no
 * equality, presence or regex condition every match needs, or one too common), the traces of
 * the window are walked in list order with the query's intrinsic conditions checked in
 * SQL, for at most `budget` traces.
 */
export async function searchTraceQL(query: TraceQLQuery, search: TraceQLSearch): Promise<TraceQLPage> {
  const pushed = pushdown(query.root);
  const keyQuery: TraceSearchQuery = { ...search, ...pushed, limit: search.limit };
  const matches: TraceQLPage["matches"] = [];
  // Spans are read a slice of traces at a time: at first as many as matches are missing (most
  // traces of a common query match), then twice as many each time (a rare one), up to a cap.
  let slice = Math.min(SPAN_READ_SLICE, Math.max(MIN_SPAN_READ_SLICE, search.limit));
  const evaluate = async (keys: TraceKey[]) => {
    for (let from = 0; from < keys.length && matches.length < search.limit; slice = Math.min(SPAN_READ_SLICE, slice * 2)) {
      const part = keys.slice(from, (from += slice));
      // No span starts before its trace: PostgreSQL then skips the older day partitions.
      const earliest = part.reduce((min, key) => (key.startTimeNs < min ? key.startTimeNs : min), part[0].startTimeNs);
      const spansOf = await readSpansOfTraces(part.map((key) => key.traceId), earliest);
      for (const key of part) {
        const spans = matchingSpans(query, spansOf.get(key.traceId) ?? []);
        if (spans.length > 0) matches.push({ key, spans });
        if (matches.length >= search.limit) break;
      }
    }
  };

  const candidates = await resolvePlan(candidatePlan(query.root), search);
  if (candidates !== null) {
    if (candidates.size > 0) await evaluate(await readTraceKeys(keyQuery, candidates.size, [...candidates]));
    return { matches, stoppedAt: null };
  }
  const budget = search.budget ?? MAX_INSPECTED_TRACES;
  let after = search.after;
  let inspected = 0;
  for (let batch = 0; matches.length < search.limit; batch++) {
    if (inspected >= budget) return { matches, stoppedAt: after };
    const size = Math.min(WALK_BATCHES[Math.min(batch, WALK_BATCHES.length - 1)], budget - inspected);
    const keys = await readTraceKeys({ ...keyQuery, after }, size, null);
    await evaluate(keys);
    // A short batch is the end of the window.
    if (keys.length < size) break;
    inspected += keys.length;
    after = keys.at(-1)!;
  }
  return { matches, stoppedAt: null };
}
