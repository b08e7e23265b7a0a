import { sortRows, type SortState } from "@/lib/ui/sort-rows";
import type { StatisticsGroup } from "./group-statistics";

export const STATISTICS_SORT_KEYS = ["name", "count", "totalMs", "selfMs", "avgMs", "minMs", "maxMs", "criticalMs"] as const;
export type StatisticsSortKey = (typeof STATISTICS_SORT_KEYS)[number];

/** Where the time goes first. */
export const DEFAULT_STATISTICS_SORT: SortState<StatisticsSortKey> = { key: "selfMs", dir: "desc" };

const valueOf = (group: StatisticsGroup, key: StatisticsSortKey) => (key === "name" ? group.label : group[key]);

/** The groups sorted by one column, and the operations under each service by the same column. */
export function sortStatistics(groups: readonly StatisticsGroup[], sort: SortState<StatisticsSortKey>): StatisticsGroup[] {
  return sortRows(groups, sort, valueOf).map((group) =>
    group.operations ? { ...group, operations: sortRows(group.operations, sort, valueOf) } : group,
  );
}

/**
 * The first `maxLines` lines of the table (a group and each operation under it are a
 * line each) and how many were left out: a grouping by a key with a value per span
 * could otherwise render a line per span.
 */
export function firstLines(groups: readonly StatisticsGroup[], maxLines: number): { groups: StatisticsGroup[]; hidden: number } {
  const shown: StatisticsGroup[] = [];
  let budget = maxLines;
  let hidden = 0;
  for (const group of groups) {
    const operations = group.operations ?? [];
    if (budget === 0) {
      hidden += 1 + operations.length;
      continue;
    }
    budget--;
    if (!group.operations) {
      shown.push(group);
      continue;
    }
    const kept = operations.slice(0, budget);
    budget -= kept.length;
    hidden += operations.length - kept.length;
    shown.push({ ...group, operations: kept });
  }
  return { groups: shown, hidden };
}
