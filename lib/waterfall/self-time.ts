import type { TimedRows } from "./critical-path";

/**
 * Each row's self time: its duration minus the part of it its children cover, where
 * overlapping children count once, a child is clipped to its parent (time before the
 * parent started or after it ended is not the parent's), and a child starting after its
 * parent ended (an async follow-up) covers nothing. One O(n) pass that relies on the
 * waterfall's order: depth first with siblings by start time, so each parent meets its
 * children in start order and the union of their intervals is one running end per parent.
 */
export function selfTimes(rows: TimedRows): Float64Array {
  const count = rows.parent.length;
  const covered = new Float64Array(count);
  // How far each row's children already cover it; starts at the row's own start, which also clips early children.
  const coveredUntil = Float64Array.from({ length: count }, (_, row) => rows.startMs[row]);
  for (let row = 0; row < count; row++) {
    const parent = rows.parent[row];
    if (parent < 0) continue;
    const from = Math.max(rows.startMs[row], coveredUntil[parent]);
    const to = Math.min(rows.endMs[row], rows.endMs[parent]);
    if (to <= from) continue;
    covered[parent] += to - from;
    coveredUntil[parent] = to;
  }
  const self = new Float64Array(count);
  for (let row = 0; row < count; row++) self[row] = rows.endMs[row] - rows.startMs[row] - covered[row];
  return self;
}
