import { describe, expect, it } from "vitest";
import { criticalPath, criticalRows } from "@/lib/waterfall/critical-path";
import { subtreeBounds } from "@/lib/waterfall/subtree-bounds";
import { expandAncestors, expandToRows, rowsWithChildren, visibleRows } from "@/lib/waterfall/visible-rows";

/**
 *  row  span   depth  time (ms)
 *   0   root    0     0-100
 *   1   a       1     0-40
 *   2   a1      2     5-20
 *   3   a2      2     20-35
 *   4   b       1     40-90
 *   5   b1      2     45-85
 *   6   b1x     3     50-60
 *   7   c       1     92-95
 */
const DEPTHS = [0, 1, 2, 2, 1, 2, 3, 1];
const TIMES = [[0, 100], [0, 40], [5, 20], [20, 35], [40, 90], [45, 85], [50, 60], [92, 95]];
const { parent, subtreeEnd } = subtreeBounds(DEPTHS);

function timed(times: number[][], parents: Int32Array) {
  return { startMs: times.map(([start]) => start), endMs: times.map(([, end]) => end), parent: parents };
}

describe("subtreeBounds", () => {
  it("finds each row's parent and the end of its subtree from the depths", () => {
    expect([...parent]).toEqual([-1, 0, 1, 1, 0, 4, 5, 0]);
    expect([...subtreeEnd]).toEqual([8, 4, 3, 4, 7, 7, 7, 8]);
  });

  it("handles several roots (orphans at depth 0)", () => {
    const bounds = subtreeBounds([0, 1, 0, 1, 1]);
    expect([...bounds.parent]).toEqual([-1, 0, -1, 2, 2]);
    expect([...bounds.subtreeEnd]).toEqual([2, 2, 5, 4, 5]);
  });

  it("takes a 200,000-deep chain without recursion", () => {
    const depths = Array.from({ length: 200_000 }, (_, row) => row);
    const bounds = subtreeBounds(depths);
    expect(bounds.subtreeEnd[0]).toBe(200_000);
    expect(bounds.parent[199_999]).toBe(199_998);
  });
});

describe("visibleRows under collapse", () => {
  it.each([
    { name: "nothing collapsed", collapsed: [], rows: [0, 1, 2, 3, 4, 5, 6, 7] },
    { name: "a collapsed hides exactly a1 and a2", collapsed: [1], rows: [0, 1, 4, 5, 6, 7] },
    { name: "b1 collapsed hides its child only", collapsed: [5], rows: [0, 1, 2, 3, 4, 5, 7] },
    { name: "nested collapse inside a collapsed subtree", collapsed: [4, 5], rows: [0, 1, 2, 3, 4, 7] },
    { name: "root collapsed shows only the root", collapsed: [0], rows: [0] },
    { name: "a leaf marked collapsed changes nothing", collapsed: [7], rows: [0, 1, 2, 3, 4, 5, 6, 7] },
  ])("$name", ({ collapsed, rows }) => {
    expect([...visibleRows(subtreeEnd, new Set(collapsed))]).toEqual(rows);
  });

  it("collapse all folds exactly the rows with children", () => {
    expect([...rowsWithChildren(subtreeEnd)].sort()).toEqual([0, 1, 4, 5]);
    expect([...visibleRows(subtreeEnd, rowsWithChildren(subtreeEnd))]).toEqual([0]);
  });

  it("expanding the ancestors of a row reveals it and leaves other folds alone", () => {
    const next = expandAncestors(parent, new Set([0, 1, 4, 5]), 6);
    expect([...next].sort()).toEqual([1]);
    expect([...visibleRows(subtreeEnd, next)]).toContain(6);
  });

  it("expanding to the matches of a find unfolds the ancestors of each and nothing else", () => {
    const next = expandToRows(parent, new Set([0, 1, 4, 5, 7]), [2, 6]);
    expect([...next].sort()).toEqual([7]);
    expect([...visibleRows(subtreeEnd, next)]).toEqual(expect.arrayContaining([2, 6]));
  });

  it("expanding to rows already shown gives the same set back", () => {
    const collapsed = new Set([3, 7]);
    expect(expandToRows(parent, collapsed, [2, 6])).toBe(collapsed);
  });

  it("expands to the bottom of a 100,000-row chain, each ancestor visited once", () => {
    const chain = subtreeBounds(Array.from({ length: 100_000 }, (_, row) => row));
    const folded = rowsWithChildren(chain.subtreeEnd);
    expect(expandToRows(chain.parent, folded, [99_999, 99_998]).size).toBe(0);
  });

  it("folds the top of a 100,000-row chain in one step", () => {
    const chain = subtreeBounds(Array.from({ length: 100_000 }, (_, row) => row));
    expect([...visibleRows(chain.subtreeEnd, new Set([1]))]).toEqual([0, 1]);
  });
});

describe("criticalPath", () => {
  it("follows the last-finishing children back from the trace's end", () => {
    const sections = criticalPath(timed(TIMES, parent)).map((section) => [section.row, section.startMs, section.endMs]);
    expect(sections).toEqual([
      [1, 0, 5],
      [2, 5, 20],
      [3, 20, 35],
      [1, 35, 40],
      [4, 40, 45],
      [5, 45, 50],
      [6, 50, 60],
      [5, 60, 85],
      [4, 85, 90],
      [0, 90, 92],
      [7, 92, 95],
      [0, 95, 100],
    ]);
  });

  it("skips a child that finished after its sibling started (it did not hold the later one up)", () => {
    // root 0-100; x 10-60; y 50-90 overlaps x: from y's start (50) only work ending by 50 counts.
    const bounds = subtreeBounds([0, 1, 1]);
    const sections = criticalPath(timed([[0, 100], [10, 60], [50, 90]], bounds.parent));
    expect(sections.map((section) => [section.row, section.startMs, section.endMs])).toEqual([
      [0, 0, 50],
      [2, 50, 90],
      [0, 90, 100],
    ]);
  });

  it("clips children to their parent and ignores those starting after it ended", () => {
    // root 0-50; child 40-80 is clipped to 40-50; late 60-70 starts after root ended.
    const bounds = subtreeBounds([0, 1, 1]);
    const sections = criticalPath(timed([[0, 50], [40, 80], [60, 70]], bounds.parent));
    expect(sections.map((section) => [section.row, section.startMs, section.endMs])).toEqual([
      [0, 0, 40],
      [1, 40, 50],
    ]);
    expect(criticalRows(sections)).toEqual(new Set([0, 1]));
  });

  it("walks a 100,000-deep chain without recursion", () => {
    const count = 100_000;
    const chain = subtreeBounds(Array.from({ length: count }, (_, row) => row));
    const times = Array.from({ length: count }, (_, row) => [row, 2 * count - row]);
    const sections = criticalPath(timed(times, chain.parent));
    expect(criticalRows(sections).size).toBe(count);
  });

  it("is empty for an empty trace", () => {
    expect(criticalPath({ startMs: [], endMs: [], parent: new Int32Array(0) })).toEqual([]);
  });
});
