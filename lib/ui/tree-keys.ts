/** What a key pressed in a tree of rows does: move the focus to a row, fold the focused row, activate it, nothing (but the key is the tree's), or null (not the tree's key). */
export type TreeKeyAction = { kind: "focus"; row: number } | { kind: "toggle" } | { kind: "activate" } | { kind: "none" } | null;

/** The focused row as the keys see it. */
export interface FocusedTreeRow {
  /** Its index in the whole tree; its first child, when it has one, is index + 1 (depth-first order). */
  index: number;
  hasChildren: boolean;
  collapsed: boolean;
  /** Index of its parent; -1 for none. */
  parent: number;
}

/**
 * The tree keys shared by the waterfall and the merged tree of a comparison, over the rows
 * shown (`shown`, indexes in order): up/down move, home/end jump, right expands or steps to
 * the first child, left collapses or steps to the parent, enter and space activate.
 * `focusedPosition` is the focused row's place in `shown`, -1 when none is focused yet
 * (down then goes to the first row, the other keys act on it).
 */
export function treeKeyAction(key: string, shown: Int32Array, focusedPosition: number, row: FocusedTreeRow): TreeKeyAction {
  const position = Math.max(0, focusedPosition);
  const focus = (index: number): TreeKeyAction => ({ kind: "focus", row: index });
  switch (key) {
    case "ArrowDown":
      return focus(shown[Math.min(shown.length - 1, focusedPosition + 1)]);
    case "ArrowUp":
      return focus(shown[Math.max(0, position - 1)]);
    case "Home":
      return focus(shown[0]);
    case "End":
      return focus(shown[shown.length - 1]);
    case "ArrowRight":
      if (row.hasChildren && row.collapsed) return { kind: "toggle" };
      return row.hasChildren && shown[position + 1] === row.index + 1 ? focus(row.index + 1) : { kind: "none" };
    case "ArrowLeft":
      if (row.hasChildren && !row.collapsed) return { kind: "toggle" };
      return row.parent >= 0 && shown.includes(row.parent) ? focus(row.parent) : { kind: "none" };
    case "Enter":
    case " ":
      return { kind: "activate" };
    default:
      return null;
  }
}
