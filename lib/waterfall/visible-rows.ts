/**
 * The rows shown when the subtrees under `collapsed` rows are folded: one pass that
 * jumps over each folded subtree (O(rows), and less when much is folded). A collapsed
 * row itself stays visible.
 */
export function visibleRows(subtreeEnd: Int32Array, collapsed: ReadonlySet<number>): Int32Array {
  const count = subtreeEnd.length;
  const rows = new Int32Array(count);
  let shown = 0;
  for (let row = 0; row < count; ) {
    rows[shown++] = row;
    row = collapsed.has(row) ? subtreeEnd[row] : row + 1;
  }
  return rows.subarray(0, shown);
}

/** Rows with children: what "collapse all" folds. */
export function rowsWithChildren(subtreeEnd: Int32Array): Set<number> {
  const rows = new Set<number>();
  for (let row = 0; row < subtreeEnd.length; row++) if (subtreeEnd[row] > row + 1) rows.add(row);
  return rows;
}

/** Unfolds every ancestor of `row` so it becomes visible (e.g. when a search result or a linked span is selected). */
export function expandAncestors(parent: Int32Array, collapsed: ReadonlySet<number>, row: number): Set<number> {
  const next = new Set(collapsed);
  for (let ancestor = parent[row]; ancestor >= 0; ancestor = parent[ancestor]) next.delete(ancestor);
  return next;
}

/** Unfolds every ancestor of each of `rows` (the matches of a find), visiting each ancestor once: O(rows + their depth). */
export function expandToRows(parent: Int32Array, collapsed: ReadonlySet<number>, rows: Iterable<number>): ReadonlySet<number> {
  if (collapsed.size === 0) return collapsed;
  const next = new Set(collapsed);
  const seen = new Set<number>();
  for (const row of rows) {
    for (let ancestor = parent[row]; ancestor >= 0 && !seen.has(ancestor); ancestor = parent[ancestor]) {
      seen.add(ancestor);
      next.delete(ancestor);
    }
  }
  return next.size === collapsed.size ? collapsed : next;
}
