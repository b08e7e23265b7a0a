import { criticalPath, type CriticalSection, type TimedRows } from "./critical-path";
import type { WaterfallTrace } from "./waterfall-trace";

const timedRowsOf = new WeakMap<WaterfallTrace, TimedRows>();
const criticalPathOf = new WeakMap<WaterfallTrace, readonly CriticalSection[]>();

/** Start and end of each row in milliseconds from the trace's start, built once per trace. */
export function timedRows(trace: WaterfallTrace): TimedRows {
  let rows = timedRowsOf.get(trace);
  if (!rows) {
    const startMs = Float64Array.from(trace.spans, (span) => span.startMs);
    const endMs = Float64Array.from(trace.spans, (span) => span.startMs + span.durationMs);
    timedRowsOf.set(trace, (rows = { startMs, endMs, parent: trace.parent }));
  }
  return rows;
}

/**
 * The trace's critical path, computed once per trace and shared: the waterfall draws it,
 * the statistics sum it per group.
 */
export function traceCriticalPath(trace: WaterfallTrace): readonly CriticalSection[] {
  let sections = criticalPathOf.get(trace);
  if (!sections) criticalPathOf.set(trace, (sections = criticalPath(timedRows(trace))));
  return sections;
}
