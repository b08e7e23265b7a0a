import { describe, expect, it } from "vitest";
import { treeKeyAction, type FocusedTreeRow, type TreeKeyAction } from "@/lib/ui/tree-keys";

// Rows 0..5 of a tree: 0 > (1 > 2), 3, and 4 > 5 collapsed; shown: 0, 1, 2, 3, 4.
const SHOWN = Int32Array.from([0, 1, 2, 3, 4]);
const ROOT: FocusedTreeRow = { index: 0, hasChildren: true, collapsed: false, parent: -1 };
const LEAF: FocusedTreeRow = { index: 2, hasChildren: false, collapsed: false, parent: 1 };
const FOLDED: FocusedTreeRow = { index: 4, hasChildren: true, collapsed: true, parent: 0 };

describe("treeKeyAction", () => {
  it.each<[string, string, number, FocusedTreeRow, TreeKeyAction]>([
    ["downFromNothingFocusesTheFirst", "ArrowDown", -1, ROOT, { kind: "focus", row: 0 }],
    ["downMoves", "ArrowDown", 2, LEAF, { kind: "focus", row: 3 }],
    ["downStopsAtTheEnd", "ArrowDown", 4, FOLDED, { kind: "focus", row: 4 }],
    ["upMoves", "ArrowUp", 2, LEAF, { kind: "focus", row: 1 }],
    ["upStopsAtTheTop", "ArrowUp", 0, ROOT, { kind: "focus", row: 0 }],
    ["homeJumps", "Home", 3, LEAF, { kind: "focus", row: 0 }],
    ["endJumps", "End", 0, ROOT, { kind: "focus", row: 4 }],
    ["rightExpandsACollapsedRow", "ArrowRight", 4, FOLDED, { kind: "toggle" }],
    ["rightStepsToTheFirstChild", "ArrowRight", 0, ROOT, { kind: "focus", row: 1 }],
    ["rightOnALeafDoesNothing", "ArrowRight", 2, LEAF, { kind: "none" }],
    ["leftCollapsesAnOpenRow", "ArrowLeft", 0, ROOT, { kind: "toggle" }],
    ["leftStepsToTheParent", "ArrowLeft", 2, LEAF, { kind: "focus", row: 1 }],
    ["leftAtTheTopDoesNothing", "ArrowLeft", 0, { ...ROOT, collapsed: true }, { kind: "none" }],
    ["enterActivates", "Enter", 2, LEAF, { kind: "activate" }],
    ["spaceActivates", " ", 2, LEAF, { kind: "activate" }],
    ["otherKeysAreNotTheTrees", "a", 2, LEAF, null],
  ])("%s", (_name, key, position, row, action) => {
    expect(treeKeyAction(key, SHOWN, position, row)).toEqual(action);
  });

  it("does not step right into a child that is filtered out of the shown rows", () => {
    expect(treeKeyAction("ArrowRight", Int32Array.from([0, 2]), 0, ROOT)).toEqual({ kind: "none" });
  });
});
