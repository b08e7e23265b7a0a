import type { TimedRows } from "@/lib/waterfall/critical-path";

/**
 * Where each span of a trace sits in the flame graph. Rows are the waterfall's rows
 * (depth first, children by start time, orphans at the top level beside the root), so the
 * graph and the waterfall share one span tree and one numbering.
 */
export interface FlameLayout {
  /** Each row's line, 0 at the top: its depth, pushed down past the subtrees of earlier siblings it overlaps in time. */
  level: Int32Array;
  /** Number of lines. */
  levels: number;
  /** The rows on each line by start time; bars on one line never overlap, so they are by end time too. */
  rowsOfLevel: Int32Array[];
  startMs: ArrayLike<number>;
  endMs: ArrayLike<number>;
}

/**
 * Lays out a trace as an icicle on one time axis: a span's bar spans its start to end, one
 * line below its parent. Concurrent siblings (async fan-out) would cover each other on
 * that line, so a sibling whose subtree overlaps the subtree of an earlier one in time
 * (a zero-length one counts as overlapping a sibling starting at the same instant) goes
 * below the lowest of those subtrees, taking its own subtree with it. Top-level spans
 * (the root and orphans) are siblings of one another. O(n) plus a sort per line.
 */
export function flameLayout(rows: TimedRows): FlameLayout {
  const count = rows.parent.length;
  const { startMs, endMs, parent } = rows;
  // Time covered by each subtree (a descendant may start before or end after its ancestor).
  const fromMs = Float64Array.from({ length: count }, (_, row) => startMs[row]);
  const toMs = Float64Array.from({ length: count }, (_, row) => endMs[row]);
  for (let row = count - 1; row >= 0; row--) {
    const up = parent[row];
    if (up < 0) continue;
    if (fromMs[row] < fromMs[up]) fromMs[up] = fromMs[row];
    if (toMs[row] > toMs[up]) toMs[up] = toMs[row];
  }

  const children = childrenByParent(parent);
  const offset = new Int32Array(count);
  const height = new Int32Array(count);
  // Descendants come after their ancestors, so going backwards every child is placed before its parent.
  for (let row = count - 1; row >= 0; row--) height[row] = 1 + placeSiblings(children.of(row), fromMs, toMs, offset, height);
  const levels = placeSiblings(children.of(-1), fromMs, toMs, offset, height);

  const level = new Int32Array(count);
  const perLevel = new Int32Array(levels);
  for (let row = 0; row < count; row++) {
    level[row] = offset[row] + (parent[row] < 0 ? 0 : level[parent[row]] + 1);
    perLevel[level[row]]++;
  }
  const rowsOfLevel = Array.from(perLevel, (size) => new Int32Array(size));
  perLevel.fill(0);
  for (let row = 0; row < count; row++) rowsOfLevel[level[row]][perLevel[level[row]]++] = row;
  for (const line of rowsOfLevel) line.sort((a, b) => startMs[a] - startMs[b] || endMs[a] - endMs[b]);
  return { level, levels, rowsOfLevel, startMs, endMs };
}

/** Each row's direct children in row order, side by side in one array; `of(-1)` are the top-level rows. */
function childrenByParent(parent: Int32Array): { of(row: number): Int32Array } {
  const count = parent.length;
  // Slot 0 holds the top-level rows, slot row + 1 the children of row.
  const first = new Int32Array(count + 2);
  for (let row = 0; row < count; row++) first[parent[row] + 2]++;
  for (let slot = 1; slot < first.length; slot++) first[slot] += first[slot - 1];
  const all = new Int32Array(count);
  const cursor = first.slice(0, count + 1);
  for (let row = 0; row < count; row++) all[cursor[parent[row] + 1]++] = row;
  return { of: (row) => all.subarray(first[row + 1], first[row + 2]) };
}

/**
 * Gives each sibling its line offset below the parent and returns the lines the siblings
 * take together. Walking siblings by subtree start, a stack holds the placed subtrees,
 * each ending lower than the one beneath it; those the next sibling no longer overlaps
 * are popped (they cannot overlap any later sibling either), and it goes just below the
 * top that remains, or on the first line when none does.
 */
function placeSiblings(siblings: Int32Array, fromMs: Float64Array, toMs: Float64Array, offset: Int32Array, height: Int32Array): number {
  if (siblings.length === 0) return 0;
  const order = isSortedBy(siblings, fromMs) ? siblings : Int32Array.from(siblings).sort((a, b) => fromMs[a] - fromMs[b]);
  const stack: number[] = [];
  let lines = 0;
  for (const row of order) {
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (toMs[top] > fromMs[row] || fromMs[top] === fromMs[row]) break;
      stack.pop();
    }
    const below = stack.length === 0 ? 0 : offset[stack[stack.length - 1]] + height[stack[stack.length - 1]];
    offset[row] = below;
    stack.push(row);
    lines = Math.max(lines, below + height[row]);
  }
  return lines;
}

function isSortedBy(rows: Int32Array, key: Float64Array): boolean {
  for (let at = 1; at < rows.length; at++) if (key[rows[at]] < key[rows[at - 1]]) return false;
  return true;
}
