import { selfTimes } from "@/lib/waterfall/self-time";
import { timedRows, traceCriticalPath } from "@/lib/waterfall/trace-critical-path";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";

/** What the statistics add up per span, in milliseconds, by waterfall row. */
export interface SpanMeasures {
  selfMs: Float64Array;
  /** Time this span (not one of its children) spent on the critical path. */
  criticalMs: Float64Array;
  /** Length of the whole critical path: the first root's duration. */
  criticalPathMs: number;
}

const measuresOf = new WeakMap<WaterfallTrace, SpanMeasures>();

/**
 * Self and critical-path time of every span, computed once per trace from the waterfall's
 * own rows and the critical path it draws (no second tree); every grouping reads these.
 */
export function spanMeasures(trace: WaterfallTrace): SpanMeasures {
  let measures = measuresOf.get(trace);
  if (measures) return measures;
  const criticalMs = new Float64Array(trace.spans.length);
  let criticalPathMs = 0;
  for (const section of traceCriticalPath(trace)) {
    criticalMs[section.row] += section.endMs - section.startMs;
    criticalPathMs += section.endMs - section.startMs;
  }
  measures = { selfMs: selfTimes(timedRows(trace)), criticalMs, criticalPathMs };
  measuresOf.set(trace, measures);
  return measures;
}
