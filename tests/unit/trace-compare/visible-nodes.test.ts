import { describe, expect, it } from "vitest";
import { mergeTraces } from "@/lib/trace-compare/merge-traces";
import { revealNode, visibleNodes } from "@/lib/trace-compare/visible-nodes";
import { outline } from "./compare-fixture";

const ORDER = ["api:GET /order 0..100", "  api:auth 0..10", "  db:SELECT 10..50", "    db:fetch 12..40"];

describe("visibleNodes", () => {
  // Nodes: 0 root, 1 auth, 2 SELECT, 3 fetch (under SELECT), 4 cache:get (only in B).
  const changed = mergeTraces(outline("a", ORDER), outline("b", [...ORDER, "  cache:get 50..55"]));
  const identical = mergeTraces(outline("a", ORDER), outline("b", ORDER));

  it.each<[string, typeof changed, number[], number[]]>([
    ["an unchanged subtree starts collapsed, the changed path open", changed, [], [0, 1, 2, 4]],
    ["toggling an unchanged subtree opens it", changed, [2], [0, 1, 2, 3, 4]],
    ["toggling a changed node collapses it", changed, [0], [0]],
    ["identical traces collapse to their root", identical, [], [0]],
    ["identical traces open on toggle", identical, [0], [0, 1, 2]],
  ])("%s", (_name, nodes, toggled, shown) => {
    expect([...visibleNodes(nodes, new Set(toggled))]).toEqual(shown);
  });
});

describe("revealNode", () => {
  const identical = mergeTraces(outline("a", ORDER), outline("b", ORDER));
  const changed = mergeTraces(outline("a", ORDER), outline("b", [...ORDER, "  cache:get 50..55"]));

  it.each<[string, typeof identical, number[], number[]]>([
    ["opens every collapsed ancestor of a hidden node", identical, [], [0, 2]],
    ["keeps a toggle that already opened an ancestor", identical, [0], [0, 2]],
    ["undoes the toggle that collapsed an ancestor open by default", changed, [0], [2]],
  ])("%s", (_name, nodes, toggled, after) => {
    const next = revealNode(nodes, 3, new Set(toggled));
    expect([...next].sort()).toEqual(after);
    expect(visibleNodes(nodes, next)).toContain(3);
  });
});
