"use client";

import { MetricCharts } from "@/components/stats/metric-charts";
import { OPERATION_SORT_KEYS, OperationsTable } from "@/components/stats/operations-table";
import { RefreshPicker } from "@/components/stats/refresh-picker";
import { SelectionPicker, type Selection } from "@/components/stats/selection-picker";
import { StatTiles } from "@/components/stats/stat-tiles";
import { EmptyState } from "@/components/state/empty-state";
import { QueryState } from "@/components/state/query-state";
import { TimeRangePicker } from "@/components/time-range/time-range-picker";
import { useMetrics } from "@/lib/client/queries/metrics";
import { useOperations, useServices } from "@/lib/client/queries/services";
import { useUrlState } from "@/lib/client/use-url-state";
import { parseSort } from "@/lib/ui/sort-rows";
import { toChartPoints, windowTotals } from "@/lib/ui/stats/metric-points";
import { parseTimeRange, refreshIntervalMs } from "@/lib/ui/time-range";
import { formatTimeOfDay } from "@/lib/ui/time-format";
import { OperationTrend } from "./operation-trend";

/** Rows past this many (in the sorted table) get no sparkline, so a big table does not fire a query per row. */
const SPARKLINE_ROWS = 30;

export function StatsView() {
  const url = useUrlState();
  const range = parseTimeRange(url.get);
  const refresh = url.get("refresh") ?? "off";
  const refreshMs = refreshIntervalMs(refresh);
  const selection: Selection = { service: url.get("service"), operation: url.get("operation"), kind: url.get("kind") };
  const sort = parseSort(url.get("sort"), url.get("dir"), OPERATION_SORT_KEYS, { key: "requestCount", dir: "desc" });
  const metrics = useMetrics(range, { service: selection.service ?? undefined, operation: selection.operation ?? undefined, kind: selection.kind ?? undefined }, refreshMs);
  const services = useServices();
  const operations = useOperations(selection.service);
  const select = (next: Selection) => url.update({ service: next.service, operation: next.operation, kind: next.kind });

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <h1 className="text-xl font-semibold">Stats</h1>
        <SelectionPicker services={services.data?.services} operations={operations.data?.operations} selection={selection} onChange={select} />
        <div className="ml-auto flex flex-wrap items-center gap-4">
          <TimeRangePicker range={range} onChange={(change) => url.update(change)} />
          <RefreshPicker value={refresh} onChange={(value) => url.update({ refresh: value }, { replace: true })} />
          <button
            type="button"
            onClick={() => void metrics.refetch()}
            className="rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {metrics.isFetching ? "Refreshing…" : "Refresh"}
          </button>
        </div>
      </div>
      <QueryState query={metrics} label="Loading metrics">
        {(data) => {
          const totals = windowTotals(data);
          if (totals.requests === 0 && data.operations.length === 0) {
            return (
              <EmptyState title="No requests in this window">
                Nothing of kind {data.kinds.join(" or ")} started here{selection.service ? ` in ${selection.service}` : ""}. Widen the time range or pick another service.
              </EmptyState>
            );
          }
          return (
            <div className="space-y-4" data-testid="stats-content">
              <p className="text-xs text-zinc-500">
                {data.kinds.join(" and ")} spans counted as requests · {data.stepMs / 1000}s buckets · latency within ±{(data.quantileRelativeError * 100).toFixed(1)}% ·
                updated {formatTimeOfDay(metrics.dataUpdatedAt)}
              </p>
              <StatTiles figures={{ ...totals, operations: data.operations.length }} />
              <MetricCharts points={toChartPoints(data)} />
              <h2 className="pt-2 text-base font-semibold">Operations</h2>
              <OperationsTable
                rows={data.operations}
                windowSeconds={totals.seconds}
                sort={sort}
                onSort={(next) => url.update({ sort: next.key, dir: next.dir }, { replace: true })}
                onChart={(row) => select({ service: row.service, operation: row.operation, kind: row.kind })}
                trend={(row, index) => (index < SPARKLINE_ROWS ? <OperationTrend row={row} range={range} refreshMs={refreshMs} /> : null)}
              />
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
