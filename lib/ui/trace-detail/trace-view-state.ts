import { FULL_VIEW, type ViewRange } from "@/lib/waterfall/time-scale";

/** The part of the view a link can carry. */
export interface TraceViewState {
  spanId: string | null;
  find: string;
  onlyMatches: boolean;
  critical: boolean;
  view: ViewRange;
}

export const INITIAL_TRACE_VIEW: TraceViewState = { spanId: null, find: "", onlyMatches: false, critical: false, view: FULL_VIEW };
