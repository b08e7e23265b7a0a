/**
 * Parent row and subtree end of each row of a depth-first ordering, from the depths
 * alone, in one pass with an explicit stack (no recursion: traces can be 10,000+ deep).
 * `subtreeEnd[i]` is the index just past the last descendant of row i.
 */
export function subtreeBounds(depth: ArrayLike<number>): { parent: Int32Array; subtreeEnd: Int32Array } {
  const count = depth.length;
  const parent = new Int32Array(count).fill(-1);
  const subtreeEnd = new Int32Array(count);
  const open: number[] = [];
  for (let row = 0; row < count; row++) {
    while (open.length > 0 && depth[open[open.length - 1]] >= depth[row]) subtreeEnd[open.pop()!] = row;
    if (open.length > 0) parent[row] = open[open.length - 1];
    open.push(row);
  }
  for (const row of open) subtreeEnd[row] = count;
  return { parent, subtreeEnd };
}
