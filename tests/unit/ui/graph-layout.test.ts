import { describe, expect, it } from "vitest";
import { boxesOverlap, curvePath, curvePieces, pointInBox, samplePiece, type Box } from "@/lib/ui/services/geometry";
import { DEFAULT_LAYOUT_OPTIONS, layoutGraph, type GraphLayout, type LayoutEdgeInput } from "@/lib/ui/services/graph-layout";

const nodes = (...ids: string[]) => ids.map((id) => ({ id, weight: 1 }));
const edges = (...pairs: string[]): LayoutEdgeInput[] =>
  pairs.map((pair) => {
    const [from, to] = pair.split(">");
    return { from, to, label: "1,234 calls · 0.5% err" };
  });

/** The demo shop (scripts/demo): browser -> web-frontend -> api-gateway -> checkout/inventory, checkout -> payments/inventory and, over Kafka, fulfillment and email; plus Traceboard's own service on its own. */
const DEMO_SERVICES = [
  { id: "web-frontend", weight: 4_000 },
  { id: "api-gateway", weight: 6_000 },
  { id: "checkout", weight: 3_000 },
  { id: "payments", weight: 900 },
  { id: "inventory", weight: 5_000 },
  { id: "fulfillment", weight: 700 },
  { id: "email", weight: 400 },
  { id: "traceboard", weight: 2_000 },
];
const DEMO_EDGES = edges(
  "web-frontend>api-gateway",
  "api-gateway>checkout",
  // Skips checkout's layer: inventory is also called by checkout, so it sits a layer further.
  "api-gateway>inventory",
  "checkout>inventory",
  "checkout>payments",
  "checkout>fulfillment",
  "checkout>email",
);

/** Every point the drawn curve of an edge passes, densely sampled. */
const curvePoints = (points: GraphLayout["edges"][number]["points"]) => curvePieces(points).flatMap((piece) => samplePiece(piece, 32));

/** A node's box, shrunk by a pixel so that touching its rim does not count as entering it. */
const inner = (box: Box): Box => ({ ...box, width: box.width - 2, height: box.height - 2 });

describe("layoutGraph on the demo topology", () => {
  const layout = layoutGraph(DEMO_SERVICES, DEMO_EDGES);
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));

  it("places callers left of their callees", () => {
    for (const edge of DEMO_EDGES) expect(byId.get(edge.from)!.x, `${edge.from} -> ${edge.to}`).toBeLessThan(byId.get(edge.to)!.x);
  });

  it("keeps node boxes apart", () => {
    for (const a of layout.nodes) for (const b of layout.nodes) if (a !== b) expect(boxesOverlap(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
  });

  it("puts no edge label on a node", () => {
    for (const edge of layout.edges) {
      for (const node of layout.nodes) expect(boxesOverlap(edge.label, node.box), `label of ${edge.from} -> ${edge.to} on ${node.id}`).toBe(false);
    }
  });

  it("keeps edge labels apart", () => {
    for (const a of layout.edges) for (const b of layout.edges) if (a !== b) expect(boxesOverlap(a.label, b.label)).toBe(false);
  });

  it("draws no edge through a node other than its ends", () => {
    for (const edge of layout.edges) {
      const others = layout.nodes.filter((node) => node.id !== edge.from && node.id !== edge.to);
      for (const point of curvePoints(edge.points)) {
        for (const node of others) expect(pointInBox(point, inner(node.box)), `${edge.from} -> ${edge.to} crosses ${node.id}`).toBe(false);
      }
    }
  });

  it("routes the edge that skips a layer around the node in between", () => {
    const skip = layout.edges.find((edge) => edge.from === "api-gateway" && edge.to === "inventory")!;
    const checkout = byId.get("checkout")!;
    expect(byId.get("inventory")!.x).toBeGreaterThan(checkout.x);
    // It has a bend in checkout's layer, and that bend is outside checkout's box.
    expect(skip.points.length).toBeGreaterThan(3);
    expect(curvePoints(skip.points).some((point) => pointInBox(point, checkout.box))).toBe(false);
  });

  it("starts and ends each edge on the rims of the circles", () => {
    for (const edge of layout.edges) {
      const [from, to] = [byId.get(edge.from)!, byId.get(edge.to)!];
      const [first, last] = [edge.points[0], edge.points.at(-1)!];
      expect(Math.hypot(first.x - from.x, first.y - from.y)).toBeCloseTo(from.radius, 6);
      expect(Math.hypot(last.x - to.x, last.y - to.y)).toBeCloseTo(to.radius, 6);
    }
  });

  it("fits everything inside its size", () => {
    const boxes = [...layout.nodes.map((node) => node.box), ...layout.edges.map((edge) => edge.label)];
    for (const box of boxes) {
      expect(box.x - box.width / 2).toBeGreaterThanOrEqual(0);
      expect(box.y - box.height / 2).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width / 2).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height / 2).toBeLessThanOrEqual(layout.height);
    }
  });
});

describe("layoutGraph", () => {
  it("sizes nodes by weight between the minimum and maximum radius", () => {
    const layout = layoutGraph([{ id: "big", weight: 400 }, { id: "small", weight: 100 }, { id: "none", weight: 0 }], []);
    const radius = Object.fromEntries(layout.nodes.map((node) => [node.id, node.radius]));
    const { minRadius, maxRadius } = DEFAULT_LAYOUT_OPTIONS;
    expect(radius.big).toBe(maxRadius);
    expect(radius.small).toBe(minRadius + (maxRadius - minRadius) / 2);
    expect(radius.none).toBe(minRadius);
  });

  it("puts the name under the circle, inside the node's box", () => {
    const [node] = layoutGraph(nodes("a"), []).nodes;
    expect(node.nameY).toBeGreaterThan(node.y + node.radius);
    expect(node.nameY).toBeLessThan(node.box.y + node.box.height / 2);
  });

  it.each([
    ["a cycle", ["a", "b", "c"], ["a>b", "b>c", "c>a"]],
    ["a self-loop", ["a", "b"], ["a>a", "a>b"]],
  ])("lays out %s with a route for every edge", (_name, ids, links) => {
    const layout = layoutGraph(nodes(...ids), edges(...links));
    expect(layout.edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual(links);
    for (const edge of layout.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
  });

  it("ignores edges to unknown nodes", () => {
    expect(layoutGraph(nodes("a"), edges("a>ghost")).edges).toEqual([]);
  });

  it("returns an empty layout for an empty graph", () => {
    expect(layoutGraph([], []).nodes).toEqual([]);
  });
});

describe("curvePath", () => {
  it("is a straight piece for two points and bends at each inner point", () => {
    expect(curvePath([{ x: 0, y: 0 }, { x: 10, y: 0 }])).toBe("M 0 0 Q 5 0 10 0");
    expect(curvePath([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }])).toBe("M 0 0 Q 2.5 0 5 0 Q 10 0 10 5 Q 10 7.5 10 10");
  });

  it("keeps the curve inside the route's hull", () => {
    const route = [{ x: 0, y: 0 }, { x: 50, y: 0 }, { x: 50, y: 40 }, { x: 100, y: 40 }];
    for (const point of curvePieces(route).flatMap((piece) => samplePiece(piece))) {
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(100);
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(40);
    }
  });
});
