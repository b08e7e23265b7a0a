import { describe, expect, it } from "vitest";
import { DEFAULT_LAYOUT_OPTIONS, edgeKey, edgePath, layoutGraph, type LayoutEdgeInput } from "@/lib/ui/services/graph-layout";

const nodes = (...ids: string[]) => ids.map((id) => ({ id, weight: 1 }));
const edges = (...pairs: string[]): LayoutEdgeInput[] => pairs.map((pair) => {
  const [from, to] = pair.split(">");
  return { from, to };
});
const layersOf = (layout: ReturnType<typeof layoutGraph>) => Object.fromEntries(layout.nodes.map((node) => [node.id, node.layer]));

describe("layoutGraph layers", () => {
  it.each([
    { name: "a chain", ids: ["a", "b", "c"], links: ["a>b", "b>c"], layers: { a: 0, b: 1, c: 2 } },
    { name: "longest path wins over a shortcut", ids: ["a", "b", "c"], links: ["a>c", "a>b", "b>c"], layers: { a: 0, b: 1, c: 2 } },
    { name: "two sources", ids: ["web", "cron", "db"], links: ["web>db", "cron>db"], layers: { web: 0, cron: 0, db: 1 } },
    { name: "a cycle is broken at the edge that closes it", ids: ["a", "b", "c"], links: ["a>b", "b>c", "c>a"], layers: { a: 0, b: 1, c: 2 } },
    { name: "a self-loop does not move its node", ids: ["a", "b"], links: ["a>a", "a>b"], layers: { a: 0, b: 1 } },
    { name: "isolated nodes sit in the first layer", ids: ["x", "y"], links: [], layers: { x: 0, y: 0 } },
    { name: "edges to unknown nodes are ignored", ids: ["a"], links: ["a>ghost"], layers: { a: 0 } },
  ])("$name", ({ ids, links, layers }) => {
    expect(layersOf(layoutGraph(nodes(...ids), edges(...links)))).toEqual(layers);
  });

  it("marks exactly the cycle-closing edges and self-loops as back edges", () => {
    const layout = layoutGraph(nodes("a", "b", "c"), edges("a>b", "b>c", "c>a", "b>b"));
    expect([...layout.backEdges].sort()).toEqual([edgeKey("b", "b"), edgeKey("c", "a")].sort());
  });

  it("lays out a deep chain without recursion limits", () => {
    const ids = Array.from({ length: 5_000 }, (_, index) => `s${index}`);
    const links = ids.slice(1).map((id, index) => ({ from: ids[index], to: id }));
    const layout = layoutGraph(ids.map((id) => ({ id, weight: 1 })), links);
    expect(layout.nodes[ids.length - 1].layer).toBe(ids.length - 1);
  });
});

describe("layoutGraph placement", () => {
  it("orders a layer by its parents to avoid crossings", () => {
    // a is above b in layer 0; their children are given crossed (d before c).
    const layout = layoutGraph(nodes("a", "b", "d", "c"), edges("a>c", "b>d"));
    const order = Object.fromEntries(layout.nodes.map((node) => [node.id, node.order]));
    expect(order.c).toBeLessThan(order.d);
  });

  it("puts layers left to right and nodes of a layer at distinct heights", () => {
    const layout = layoutGraph(nodes("a", "b", "c"), edges("a>b", "a>c"));
    const byId = Object.fromEntries(layout.nodes.map((node) => [node.id, node]));
    expect(byId.b.x).toBe(byId.a.x + DEFAULT_LAYOUT_OPTIONS.layerGap);
    expect(byId.b.x).toBe(byId.c.x);
    expect(Math.abs(byId.b.y - byId.c.y)).toBe(DEFAULT_LAYOUT_OPTIONS.rowGap);
    expect(layout.width).toBe(DEFAULT_LAYOUT_OPTIONS.marginX * 2 + DEFAULT_LAYOUT_OPTIONS.layerGap);
  });

  it.each([
    { name: "a chain runs straight", ids: ["a", "b", "c"], links: ["a>b", "b>c"], rows: { a: 0, b: 0, c: 0 } },
    { name: "a node with two parents sits between them", ids: ["web", "cron", "db"], links: ["web>db", "cron>db"], rows: { web: 0, cron: 1, db: 0.5 } },
    { name: "siblings keep a row apart", ids: ["a", "b", "c", "d"], links: ["a>b", "a>c", "a>d"], rows: { a: 0, b: 0, c: 1, d: 2 } },
  ])("rows: $name", ({ ids, links, rows }) => {
    const { marginY, rowGap } = DEFAULT_LAYOUT_OPTIONS;
    const layout = layoutGraph(nodes(...ids), edges(...links));
    expect(Object.fromEntries(layout.nodes.map((node) => [node.id, (node.y - marginY) / rowGap]))).toEqual(rows);
    expect(layout.height).toBe(Math.max(...layout.nodes.map((node) => node.y)) + marginY);
  });

  it("sizes nodes by weight between the minimum and maximum radius", () => {
    const layout = layoutGraph([{ id: "big", weight: 400 }, { id: "small", weight: 100 }, { id: "none", weight: 0 }], []);
    const radius = Object.fromEntries(layout.nodes.map((node) => [node.id, node.radius]));
    const { minRadius, maxRadius } = DEFAULT_LAYOUT_OPTIONS;
    expect(radius.big).toBe(maxRadius);
    expect(radius.small).toBe(minRadius + (maxRadius - minRadius) / 2);
    expect(radius.none).toBe(minRadius);
  });

  it("returns an empty layout for an empty graph", () => {
    expect(layoutGraph([], []).nodes).toEqual([]);
  });
});

describe("edgePath", () => {
  const at = (id: string, x: number, y: number) => ({ id, layer: 0, order: 0, x, y, radius: 10 });

  it("runs a forward edge from the right rim of one node to the left rim of the next", () => {
    expect(edgePath(at("a", 0, 0), at("b", 100, 50), false).d).toBe("M 10 0 C 50 0, 50 50, 90 50");
  });

  it("bows a back edge below both nodes", () => {
    const path = edgePath(at("b", 100, 0), at("a", 0, 0), true);
    expect(path.d.startsWith("M 100 10 C 100 70")).toBe(true);
    expect(path.labelY).toBeGreaterThan(10);
  });

  it("draws a self-loop above the node", () => {
    expect(edgePath(at("a", 0, 100), at("a", 0, 100), true).labelY).toBeLessThan(90);
  });
});
