import { DEFAULT_GROUP_BY, type GroupBy } from "@/lib/trace-statistics/group-by";
import { DEFAULT_STATISTICS_SORT, type StatisticsSortKey } from "@/lib/trace-statistics/sort-statistics";
import type { SortState } from "@/lib/ui/sort-rows";
import { FULL_VIEW, type ViewRange } from "@/lib/waterfall/time-scale";

/** What the trace page shows beside its header: the span waterfall, the flame graph or the trace's statistics table. */
export type TracePanel = "waterfall" | "flame" | "statistics";

/** The part of the view a link can carry. */
export interface TraceViewState {
  spanId: string | null;
  find: string;
  onlyMatches: boolean;
  critical: boolean;
  view: ViewRange;
  panel: TracePanel;
  groupBy: GroupBy;
  statisticsSort: SortState<StatisticsSortKey>;
}

export const INITIAL_TRACE_VIEW: TraceViewState = {
  spanId: null,
  find: "",
  onlyMatches: false,
  critical: false,
  view: FULL_VIEW,
  panel: "waterfall",
  groupBy: DEFAULT_GROUP_BY,
  statisticsSort: DEFAULT_STATISTICS_SORT,
};
