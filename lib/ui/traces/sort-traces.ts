import type { TraceSummary } from "@/lib/api/contracts/trace-summary";

export const TRACE_SORTS = [
  { value: "recent", label: "Most recent" },
  { value: "longest", label: "Longest first" },
  { value: "shortest", label: "Shortest first" },
  { value: "spans", label: "Most spans" },
] as const;
export type TraceSort = (typeof TRACE_SORTS)[number]["value"];
export const DEFAULT_SORT: TraceSort = "recent";

export function traceSortOf(value: string | null): TraceSort {
  return TRACE_SORTS.find((sort) => sort.value === value)?.value ?? DEFAULT_SORT;
}

/** Compares exact unix-nano strings without BigInt: longer is later, then lexical. */
function compareUnixNano(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const COMPARE: Record<TraceSort, (a: TraceSummary, b: TraceSummary) => number> = {
  recent: (a, b) => compareUnixNano(b.startTimeUnixNano, a.startTimeUnixNano),
  longest: (a, b) => b.durationMs - a.durationMs,
  shortest: (a, b) => a.durationMs - b.durationMs,
  spans: (a, b) => b.spanCount - a.spanCount,
};

/** A sorted copy; ties keep the most recent first, then the trace id, so the order is stable across reloads. */
export function sortTraces<T extends TraceSummary>(traces: readonly T[], sort: TraceSort): T[] {
  const compare = COMPARE[sort];
  return [...traces].sort(
    (a, b) => compare(a, b) || COMPARE.recent(a, b) || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0),
  );
}
