import "server-only";
import type { CompareTracesResult } from "@/lib/api/contracts/compare";
import { readSpanOutlines } from "@/lib/store/read/span-outlines";
import { compareTraces } from "@/lib/trace-compare/compare-traces";
import { findTraceSummaries } from "./trace-summary";

export type TraceRole = "a" | "b";

export type StoredComparison = { found: true; comparison: CompareTracesResult } | { found: false; missing: Array<{ role: TraceRole; traceId: string }> };

/**
 * Trace `a` against trace `b` as stored: both summaries (one indexed read), then the
 * outlines of both traces' spans in one statement (ids, service, name and times: all a
 * comparison needs). A trace with no stored span is named in `missing`.
 */
export async function compareStoredTraces(a: string, b: string): Promise<StoredComparison> {
  const summaries = new Map((await findTraceSummaries([...new Set([a, b])])).map((summary) => [summary.traceId, summary]));
  const starts = [...summaries.values()].map((summary) => BigInt(summary.startTimeUnixNano));
  const earliest = starts.reduce((min, start) => (start < min ? start : min), starts[0]);
  const spansOf = await readSpanOutlines([...summaries.keys()], earliest);
  // Retention may remove a trace's spans between the two reads: without spans it is missing too.
  const missing = (["a", "b"] as const).flatMap((role) => {
    const traceId = role === "a" ? a : b;
    return summaries.has(traceId) && (spansOf.get(traceId)?.length ?? 0) > 0 ? [] : [{ role, traceId }];
  });
  if (missing.length > 0) return { found: false, missing };
  const summaryA = summaries.get(a)!;
  const summaryB = summaries.get(b)!;
  return { found: true, comparison: { a: summaryA, b: summaryB, diffMs: summaryB.durationMs - summaryA.durationMs, ...compareTraces(spansOf.get(a)!, spansOf.get(b)!) } };
}
