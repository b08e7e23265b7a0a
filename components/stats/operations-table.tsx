import Link from "next/link";
import type { ReactNode } from "react";
import type { z } from "zod";
import type { OperationMetrics } from "@/lib/api/contracts/metrics";
import { formatDuration } from "@/lib/ui/time-format";
import { formatCount, formatPercent, formatRate } from "@/lib/ui/format";
import { nextSort, sortRows, type SortState } from "@/lib/ui/sort-rows";

export type OperationRow = z.infer<typeof OperationMetrics>;

export const OPERATION_SORT_KEYS = ["service", "operation", "requestCount", "errorRate", "p50Ms", "p95Ms", "p99Ms"] as const;
export type OperationSortKey = (typeof OPERATION_SORT_KEYS)[number];

const COLUMNS: Array<{ key: OperationSortKey; label: string; numeric: boolean }> = [
  { key: "service", label: "Service", numeric: false },
  { key: "operation", label: "Operation", numeric: false },
  { key: "requestCount", label: "Requests", numeric: true },
  { key: "errorRate", label: "Errors", numeric: true },
  { key: "p50Ms", label: "p50", numeric: true },
  { key: "p95Ms", label: "p95", numeric: true },
  { key: "p99Ms", label: "p99", numeric: true },
];

export function tracesHref(row: Pick<OperationRow, "service" | "operation">): string {
  return `/traces?${new URLSearchParams({ service: row.service, operation: row.operation })}`;
}

/**
 * RED figures per operation, sortable by clicking a header. `trend` renders the
 * sparkline of a row (at its sorted index; data comes from the page); `onChart` focuses the charts on a row.
 */
export function OperationsTable({
  rows,
  windowSeconds,
  sort,
  onSort,
  onChart,
  trend,
}: {
  rows: readonly OperationRow[];
  windowSeconds: number;
  sort: SortState<OperationSortKey>;
  onSort: (sort: SortState<OperationSortKey>) => void;
  onChart: (row: OperationRow) => void;
  trend: (row: OperationRow, index: number) => ReactNode;
}) {
  const sorted = sortRows(rows, sort, (row, key) => row[key]);
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table data-testid="operations-table" className="w-full min-w-[900px] text-sm">
        <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={sort.key === column.key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                className={`px-3 py-2 font-medium ${column.numeric ? "text-right" : ""}`}
              >
                <button type="button" onClick={() => onSort(nextSort(sort, column.key))} className="hover:text-zinc-900 dark:hover:text-zinc-100">
                  {column.label}
                  {sort.key === column.key && <span aria-hidden> {sort.dir === "asc" ? "▲" : "▼"}</span>}
                </button>
              </th>
            ))}
            <th scope="col" className="px-3 py-2 font-medium">
              Trend
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {sorted.map((row, index) => (
            <tr key={`${row.service}\u0000${row.operation}\u0000${row.kind}`} data-testid="operation-row" className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <td className="max-w-[14rem] truncate px-3 py-2" title={row.service}>
                {row.service}
              </td>
              <td className="max-w-[22rem] truncate px-3 py-2" title={row.operation}>
                <Link href={tracesHref(row)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                  {row.operation}
                </Link>
                <span className="ml-2 text-xs text-zinc-500">{row.kind}</span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatCount(row.requestCount)} <span className="text-xs text-zinc-500">{formatRate(row.requestCount / windowSeconds)}</span>
              </td>
              <td className={`px-3 py-2 text-right tabular-nums ${row.errorCount > 0 ? "text-red-600 dark:text-red-400" : ""}`}>
                {formatPercent(row.errorRate)} <span className="text-xs text-zinc-500">({formatCount(row.errorCount)})</span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDuration(row.p50Ms)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDuration(row.p95Ms)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDuration(row.p99Ms)}</td>
              <td className="px-3 py-2">{trend(row, index)}</td>
              <td className="whitespace-nowrap px-3 py-2 text-right text-xs">
                <button type="button" onClick={() => onChart(row)} className="mr-3 text-zinc-600 hover:underline dark:text-zinc-400">
                  Chart
                </button>
                <Link href={tracesHref(row)} className="text-sky-700 hover:underline dark:text-sky-400">
                  Traces →
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
