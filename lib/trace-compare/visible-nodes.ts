/** What deciding visibility needs of a merged node. */
export interface FoldableNode {
  subtreeSize: number;
  changed: boolean;
}

/** A node with children starts collapsed when nothing in its subtree changed. */
export function collapsedByDefault(node: FoldableNode): boolean {
  return node.subtreeSize > 1 && !node.changed;
}

/** Collapsed now: the default, flipped when the person toggled the node. */
export function isCollapsed(node: FoldableNode, index: number, toggled: ReadonlySet<number>): boolean {
  return collapsedByDefault(node) !== toggled.has(index);
}

/**
 * The indexes of the nodes shown, in order: one pass over the depth-first nodes that
 * skips a collapsed node's subtree in one step (its subtreeSize).
 */
export function visibleNodes(nodes: readonly FoldableNode[], toggled: ReadonlySet<number>): Int32Array {
  const shown = new Int32Array(nodes.length);
  let count = 0;
  for (let index = 0; index < nodes.length; ) {
    shown[count++] = index;
    index += isCollapsed(nodes[index], index, toggled) ? nodes[index].subtreeSize : 1;
  }
  return shown.slice(0, count);
}

/**
 * The toggles after revealing `index`: each ancestor that is collapsed now is flipped
 * open, so the node is shown; everything else stays as it was.
 */
export function revealNode(nodes: ReadonlyArray<FoldableNode & { parent: number | null }>, index: number, toggled: ReadonlySet<number>): Set<number> {
  const next = new Set(toggled);
  for (let ancestor = nodes[index].parent; ancestor !== null; ancestor = nodes[ancestor].parent) {
    if (!isCollapsed(nodes[ancestor], ancestor, next)) continue;
    if (next.has(ancestor)) next.delete(ancestor);
    else next.add(ancestor);
  }
  return next;
}
