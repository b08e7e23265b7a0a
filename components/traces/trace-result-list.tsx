import type { SearchedTrace } from "@/lib/api/contracts/traces";
import { TraceResultRow } from "./trace-result-row";

/** The found traces, in the order given; duration bars are relative to the longest shown. A TraceQL `query` ("" for none) opens each with its matches found. */
export function TraceResultList({ traces, nowMs, query }: { traces: readonly SearchedTrace[]; nowMs: number; query: string }) {
  const maxDurationMs = traces.reduce((max, trace) => Math.max(max, trace.durationMs), 0);
  return (
    <ul data-testid="trace-results" className="space-y-2">
      {traces.map((trace) => (
        <TraceResultRow key={trace.traceId} trace={trace} maxDurationMs={maxDurationMs} nowMs={nowMs} query={query} />
      ))}
    </ul>
  );
}
