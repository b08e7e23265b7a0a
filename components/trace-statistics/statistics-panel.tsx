"use client";

import { useMemo } from "react";
import { traceAttributeKeys } from "@/lib/trace-statistics/attribute-keys";
import type { GroupBy } from "@/lib/trace-statistics/group-by";
import { groupStatistics } from "@/lib/trace-statistics/group-statistics";
import { spanMeasures } from "@/lib/trace-statistics/span-measures";
import { firstLines, sortStatistics, type StatisticsSortKey } from "@/lib/trace-statistics/sort-statistics";
import { formatCount } from "@/lib/ui/format";
import type { SortState } from "@/lib/ui/sort-rows";
import { formatDuration } from "@/lib/ui/time-format";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";
import { GroupByPicker } from "./group-by-picker";
import { StatisticsTable } from "./statistics-table";

/** Lines rendered at most; a grouping by a key with a value per span would otherwise draw a line per span. */
const MAX_LINES = 500;

/**
 * Where a trace's time goes: its spans grouped by service, operation, both, or an
 * attribute, with count, total, self, average, min, max and critical-path time per group.
 * Everything is computed from the waterfall's own tree (`trace`), once per trace and grouping.
 */
export function StatisticsPanel({
  trace,
  groupBy,
  sort,
  selectedRow,
  onGroupBy,
  onSort,
  onFind,
}: {
  trace: WaterfallTrace;
  groupBy: GroupBy;
  sort: SortState<StatisticsSortKey>;
  selectedRow: number | null;
  onGroupBy(groupBy: GroupBy): void;
  onSort(sort: SortState<StatisticsSortKey>): void;
  onFind(query: string): void;
}) {
  const keys = useMemo(() => traceAttributeKeys(trace), [trace]);
  const groups = useMemo(() => groupStatistics(trace, groupBy), [trace, groupBy]);
  const shown = useMemo(() => firstLines(sortStatistics(groups, sort), MAX_LINES), [groups, sort]);
  return (
    <section data-testid="statistics-panel" className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <GroupByPicker groupBy={groupBy} keys={keys} onChange={onGroupBy} />
        <p data-testid="statistics-summary" className="text-xs text-zinc-500">
          {formatCount(trace.spans.length)} spans in {formatCount(groups.length)} {groups.length === 1 ? "group" : "groups"} · trace{" "}
          {formatDuration(trace.durationMs)} · critical path {formatDuration(spanMeasures(trace).criticalPathMs)}. Click a name to find its spans in the
          waterfall.
        </p>
      </div>
      <StatisticsTable groups={shown.groups} groupBy={groupBy} sort={sort} selectedRow={selectedRow} onSort={onSort} onFind={onFind} />
      {shown.hidden > 0 && (
        <p data-testid="statistics-hidden" className="text-xs text-zinc-500">
          {formatCount(shown.hidden)} more lines not shown (the first {MAX_LINES} in this order are); sort by another column or group by fewer values to see them.
        </p>
      )}
    </section>
  );
}
