/** A stretch of time during which this span (not one of its children) held up the trace. */
export interface CriticalSection {
  row: number;
  startMs: number;
  endMs: number;
}

export interface TimedRows {
  startMs: ArrayLike<number>;
  endMs: ArrayLike<number>;
  parent: Int32Array;
}

/**
 * The critical path from the first root: the chain of work the trace's end waited for,
 * as Jaeger computes it (criticalPath.ts), but iterative. From a span, follow the child
 * that finished last before the point we came back at; with no such child, the span's
 * own time from its start to that point is critical, and we return to its parent at the
 * span's start. Child times are clipped to their parent's, children starting after their
 * parent ends are ignored. Each child is taken at most once (a cursor per parent over its
 * children by end time, latest first), so this is O(n log n).
 */
export function criticalPath(rows: TimedRows): CriticalSection[] {
  const count = rows.parent.length;
  if (count === 0) return [];
  const start = new Float64Array(count);
  const end = new Float64Array(count);
  const kept = new Uint8Array(count);
  const childCount = new Int32Array(count);
  // Depth-first order puts parents first, so clipping in row order clips against already-clipped parents.
  for (let row = 0; row < count; row++) {
    start[row] = rows.startMs[row];
    end[row] = rows.endMs[row];
    const parent = rows.parent[row];
    if (parent < 0 || start[row] > end[parent]) continue;
    start[row] = Math.max(start[row], start[parent]);
    end[row] = Math.min(end[row], end[parent]);
    kept[row] = 1;
    childCount[parent]++;
  }
  // Children of each span side by side in one array (latest end first), from `first[span]` on.
  const first = new Int32Array(count + 1);
  for (let row = 0; row < count; row++) first[row + 1] = first[row] + childCount[row];
  const children = new Int32Array(first[count]);
  const cursor = first.slice(0, count);
  for (let row = 0; row < count; row++) if (kept[row]) children[cursor[rows.parent[row]]++] = row;
  for (let row = 0; row < count; row++)
    if (childCount[row] > 1) children.subarray(first[row], first[row + 1]).sort((a, b) => end[b] - end[a]);
  cursor.set(first.subarray(0, count));

  const sections: CriticalSection[] = [];
  let row = 0;
  let until = end[0];
  for (;;) {
    const last = first[row + 1];
    while (cursor[row] < last && end[children[cursor[row]]] > until) cursor[row]++;
    if (cursor[row] < last) {
      const child = children[cursor[row]++];
      if (end[child] < until) sections.push({ row, startMs: end[child], endMs: until });
      row = child;
      until = end[child];
      continue;
    }
    // A zero-length stretch is left out, unless the span itself lasts no time.
    if (until > start[row] || start[row] === end[row]) sections.push({ row, startMs: start[row], endMs: until });
    const parent = rows.parent[row];
    if (parent < 0) break;
    until = start[row];
    row = parent;
  }
  return sections.reverse();
}

/** Rows with at least one critical section. */
export function criticalRows(sections: readonly CriticalSection[]): Set<number> {
  return new Set(sections.map((section) => section.row));
}
