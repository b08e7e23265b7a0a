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
  const start = Float64Array.from({ length: count }, (_, row) => rows.startMs[row]);
  const end = Float64Array.from({ length: count }, (_, row) => rows.endMs[row]);
  const children: number[][] = Array.from({ length: count }, () => []);
  // Depth-first order puts parents first, so clipping in row order clips against already-clipped parents.
  for (let row = 0; row < count; row++) {
    const parent = rows.parent[row];
    if (parent < 0) continue;
    if (start[row] > end[parent]) continue;
    start[row] = Math.max(start[row], start[parent]);
    end[row] = Math.min(end[row], end[parent]);
    children[parent].push(row);
  }
  for (const list of children) list.sort((a, b) => end[b] - end[a]);
  const cursor = new Int32Array(count);

  const sections: CriticalSection[] = [];
  let row = 0;
  let until = end[0];
  for (;;) {
    const list = children[row];
    while (cursor[row] < list.length && end[list[cursor[row]]] > until) cursor[row]++;
    if (cursor[row] < list.length) {
      const child = list[cursor[row]++];
      if (end[child] < until) sections.push({ row, startMs: end[child], endMs: until });
      row = child;
      until = end[child];
      continue;
    }
    sections.push({ row, startMs: start[row], endMs: until });
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
