"use client";

import { useState } from "react";
import { CompareSelectionBar } from "@/components/trace-compare/compare-selection-bar";
import type { SearchedTrace } from "@/lib/api/contracts/traces";
import { TraceResultRow } from "./trace-result-row";

/**
 * The found traces, in the order given; duration bars are relative to the longest shown. A TraceQL `query` ("" for none) opens each with its matches found.
 * Two traces can be selected to compare (a third selection replaces the older one).
 */
export function TraceResultList({ traces, nowMs, query }: { traces: readonly SearchedTrace[]; nowMs: number; query: string }) {
  const maxDurationMs = traces.reduce((max, trace) => Math.max(max, trace.durationMs), 0);
  const [chosen, setChosen] = useState<string[]>([]);
  // A new search may leave a chosen trace out: only the listed ones count.
  const selected = chosen.filter((traceId) => traces.some((trace) => trace.traceId === traceId));
  const select = (traceId: string, on: boolean) => setChosen(on ? [...selected.filter((id) => id !== traceId), traceId].slice(-2) : selected.filter((id) => id !== traceId));
  return (
    <>
      <ul data-testid="trace-results" className="space-y-2">
        {traces.map((trace) => (
          <TraceResultRow
            key={trace.traceId}
            trace={trace}
            maxDurationMs={maxDurationMs}
            nowMs={nowMs}
            query={query}
            selected={selected.includes(trace.traceId)}
            onSelect={select}
          />
        ))}
      </ul>
      <CompareSelectionBar selected={selected} onClear={() => setChosen([])} />
    </>
  );
}
