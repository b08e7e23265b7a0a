import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import { TraceResultRow } from "./trace-result-row";

/** The found traces, in the order given; duration bars are relative to the longest shown. `find` (a TraceQL query) opens each with its matches found. */
export function TraceResultList({ traces, nowMs, find }: { traces: readonly TraceSummary[]; nowMs: number; find?: string }) {
  const maxDurationMs = traces.reduce((max, trace) => Math.max(max, trace.durationMs), 0);
  return (
    <ul data-testid="trace-results" className="space-y-2">
      {traces.map((trace) => (
        <TraceResultRow key={trace.traceId} trace={trace} maxDurationMs={maxDurationMs} nowMs={nowMs} find={find} />
      ))}
    </ul>
  );
}
