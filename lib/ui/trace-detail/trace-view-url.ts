import { formatGroupBy, parseGroupBy } from "@/lib/trace-statistics/group-by";
import { DEFAULT_STATISTICS_SORT, STATISTICS_SORT_KEYS } from "@/lib/trace-statistics/sort-statistics";
import { parseSort } from "@/lib/ui/sort-rows";
import { formatView, parseView } from "@/lib/waterfall/time-scale";
import { INITIAL_TRACE_VIEW, type TracePanel, type TraceViewState } from "./trace-view-state";

const PANEL_OF_VIEW: Readonly<Record<string, TracePanel>> = { stats: "statistics", flame: "flame" };

/**
 * The linkable trace view in query parameters: `span`, `find`, `only`, `critical`, `zoom`,
 * `view=flame` for the flame graph, and for the statistics `view=stats`, `by` (grouping) and
 * `sort`/`dir`. Defaults are left out.
 */
export function traceViewFromUrl(get: (key: string) => string | null): TraceViewState {
  return {
    spanId: get("span"),
    find: get("find") ?? "",
    onlyMatches: get("only") === "1",
    critical: get("critical") === "1",
    view: parseView(get("zoom")),
    panel: PANEL_OF_VIEW[get("view") ?? ""] ?? "waterfall",
    groupBy: parseGroupBy(get("by")),
    statisticsSort: parseSort(get("sort"), get("dir"), STATISTICS_SORT_KEYS, DEFAULT_STATISTICS_SORT),
  };
}

export function traceViewToUrl(state: TraceViewState): Record<string, string | null> {
  const by = formatGroupBy(state.groupBy);
  const sorted = state.statisticsSort.key !== DEFAULT_STATISTICS_SORT.key || state.statisticsSort.dir !== DEFAULT_STATISTICS_SORT.dir;
  return {
    span: state.spanId,
    find: state.find || null,
    only: state.onlyMatches ? "1" : null,
    critical: state.critical ? "1" : null,
    zoom: formatView(state.view),
    view: state.panel === "statistics" ? "stats" : state.panel === "flame" ? "flame" : null,
    by: by === formatGroupBy(INITIAL_TRACE_VIEW.groupBy) ? null : by,
    sort: sorted ? state.statisticsSort.key : null,
    dir: sorted ? state.statisticsSort.dir : null,
  };
}
