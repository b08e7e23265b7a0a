/** The tree the keyboard walks: the waterfall's parent of each row and the index just past its subtree. */
export interface RowTree {
  parent: Int32Array;
  subtreeEnd: Int32Array;
}

/** A move of the selection: up to the parent, down to the first child, to the previous or next sibling. */
export type FlameStep = "parent" | "child" | "previous" | "next";

export const STEP_OF_KEY: Readonly<Record<string, FlameStep>> = {
  ArrowUp: "parent",
  ArrowDown: "child",
  ArrowLeft: "previous",
  ArrowRight: "next",
};

/** The row a step leads to, or null at the edge (a top-level row has no parent; siblings of top-level rows are the other top-level rows). */
export function stepFrom(tree: RowTree, row: number, step: FlameStep): number | null {
  const { parent, subtreeEnd } = tree;
  const up = parent[row];
  // Siblings lie between the parent's row and its subtree's end, each after the previous one's subtree.
  const siblingsEnd = up < 0 ? parent.length : subtreeEnd[up];
  switch (step) {
    case "parent":
      return up < 0 ? null : up;
    case "child":
      return subtreeEnd[row] > row + 1 ? row + 1 : null;
    case "next":
      return subtreeEnd[row] < siblingsEnd ? subtreeEnd[row] : null;
    case "previous": {
      let sibling = up + 1;
      if (sibling === row) return null;
      while (subtreeEnd[sibling] !== row) sibling = subtreeEnd[sibling];
      return sibling;
    }
  }
}

/** The rows from the top-level ancestor down to `row`, for the breadcrumb. */
export function pathTo(parent: Int32Array, row: number): number[] {
  const path: number[] = [];
  for (let at = row; at >= 0; at = parent[at]) path.push(at);
  return path.reverse();
}
