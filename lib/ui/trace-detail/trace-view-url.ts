import { formatView, parseView } from "@/lib/waterfall/time-scale";
import type { TraceViewState } from "./trace-view-state";

/** The linkable trace view in query parameters: `span`, `find`, `only`, `critical`, `zoom`. */
export function traceViewFromUrl(get: (key: string) => string | null): TraceViewState {
  return {
    spanId: get("span"),
    find: get("find") ?? "",
    onlyMatches: get("only") === "1",
    critical: get("critical") === "1",
    view: parseView(get("zoom")),
  };
}

export function traceViewToUrl(state: TraceViewState): Record<string, string | null> {
  return {
    span: state.spanId,
    find: state.find || null,
    only: state.onlyMatches ? "1" : null,
    critical: state.critical ? "1" : null,
    zoom: formatView(state.view),
  };
}
