"use client";

import { Sparkline } from "@/components/stats/sparkline";
import type { OperationRow } from "@/components/stats/operations-table";
import { useOperationTrend } from "@/lib/client/queries/metrics";
import type { TimeRange } from "@/lib/ui/time-range";

/** A table row's request trend over the window (its own small metrics query). */
export function OperationTrend({ row, range, refreshMs }: { row: OperationRow; range: TimeRange; refreshMs: number }) {
  const trend = useOperationTrend(range, { service: row.service, operation: row.operation, kind: row.kind }, refreshMs);
  if (!trend.data) return <span className="text-xs text-zinc-400">{trend.isError ? "–" : "…"}</span>;
  return <Sparkline values={trend.data} label={`Requests of ${row.operation} over time`} />;
}
