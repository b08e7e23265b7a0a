/**
 * Layout of the service map with dagre (`@dagrejs/dagre`): layers left to right
 * (callers before callees), crossings reduced, cycles broken by dagre. Each node is a
 * box holding its circle and its name under it; each edge label is a box dagre places
 * as a node of its own, and an edge that skips layers is routed through a chain of
 * points between the nodes of the layers it crosses. Pure; no React or DOM.
 */
import dagre from "@dagrejs/dagre";
import { estimateTextWidth, type Box, type Point } from "./geometry";

export interface LayoutNodeInput {
  id: string;
  /** Drives the radius (e.g. span count). */
  weight: number;
}

export interface LayoutEdgeInput {
  from: string;
  to: string;
  /** The text drawn on the edge (sized here so that it gets room of its own). */
  label: string;
}

export interface LayoutOptions {
  minRadius: number;
  maxRadius: number;
  /** Font sizes of a node's name and of an edge label (for their boxes). */
  nameFontSize: number;
  labelFontSize: number;
  /** Between layers, between nodes of a layer, between edges side by side, around the graph. */
  rankGap: number;
  nodeGap: number;
  edgeGap: number;
  margin: number;
}

export interface PlacedNode {
  id: string;
  /** Centre of the circle. */
  x: number;
  y: number;
  radius: number;
  /** Where the name goes: its baseline's centre. */
  nameX: number;
  nameY: number;
  /** The room the node takes (circle and name): nothing else is drawn in it. */
  box: Box;
}

export interface PlacedEdge {
  from: string;
  to: string;
  /** dagre's route, first and last points on the rims of the circles. */
  points: Point[];
  /** Where the label is drawn (its box; the text sits at the centre). */
  label: Box;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  minRadius: 14,
  maxRadius: 40,
  nameFontSize: 13,
  labelFontSize: 11,
  rankGap: 70,
  nodeGap: 36,
  edgeGap: 16,
  margin: 16,
};

/** Gap between the circle and the name's baseline, and room for the name's descenders. */
const NAME_BASELINE_GAP = 16;
const NAME_DESCENT = 5;
const LABEL_PADDING = 4;

function radiusOf(weight: number, maxWeight: number, options: LayoutOptions): number {
  const share = Math.sqrt(Math.max(0, weight) / maxWeight);
  return options.minRadius + (options.maxRadius - options.minRadius) * share;
}

/** The point on the rim of a circle towards `toward` (the centre itself when they coincide). */
function rimPoint(centre: Point, radius: number, toward: Point): Point {
  const dx = toward.x - centre.x;
  const dy = toward.y - centre.y;
  const length = Math.hypot(dx, dy);
  return length === 0 ? centre : { x: centre.x + (dx / length) * radius, y: centre.y + (dy / length) * radius };
}

/** dagre's route with its ends moved from the node boxes to the circles (the circle sits at the top of its box). */
function routeToCircles(points: readonly Point[], from: PlacedNode, to: PlacedNode): Point[] {
  if (points.length < 2) return [...points];
  const route = [...points];
  route[0] = rimPoint(from, from.radius, route[1]);
  route[route.length - 1] = rimPoint(to, to.radius, route[route.length - 2]);
  return route;
}

export function layoutGraph(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[], options: LayoutOptions = DEFAULT_LAYOUT_OPTIONS): GraphLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: false });
  graph.setGraph({ rankdir: "LR", ranksep: options.rankGap, nodesep: options.nodeGap, edgesep: options.edgeGap, marginx: options.margin, marginy: options.margin });
  graph.setDefaultEdgeLabel(() => ({}));
  const maxWeight = Math.max(1, ...nodes.map((node) => node.weight));
  const radius = new Map<string, number>();
  for (const node of nodes) {
    const r = radiusOf(node.weight, maxWeight, options);
    radius.set(node.id, r);
    const width = Math.max(2 * r, estimateTextWidth(node.id, options.nameFontSize));
    graph.setNode(node.id, { width, height: 2 * r + NAME_BASELINE_GAP + NAME_DESCENT });
  }
  const usable = edges.filter((edge) => radius.has(edge.from) && radius.has(edge.to));
  for (const edge of usable) {
    const width = estimateTextWidth(edge.label, options.labelFontSize) + 2 * LABEL_PADDING;
    graph.setEdge(edge.from, edge.to, { width, height: options.labelFontSize + 2 * LABEL_PADDING, labelpos: "c", minlen: 1 });
  }
  dagre.layout(graph);

  const placed = new Map<string, PlacedNode>();
  for (const node of nodes) {
    const { x, y, width, height } = graph.node(node.id) as { x: number; y: number; width: number; height: number };
    const r = radius.get(node.id)!;
    const top = y - height / 2;
    placed.set(node.id, { id: node.id, x, y: top + r, radius: r, nameX: x, nameY: top + 2 * r + NAME_BASELINE_GAP, box: { x, y, width, height } });
  }
  const placedEdges = usable.map((edge): PlacedEdge => {
    const label = graph.edge(edge.from, edge.to) as { x: number; y: number; width: number; height: number; points: Point[] };
    return {
      from: edge.from,
      to: edge.to,
      points: routeToCircles(label.points, placed.get(edge.from)!, placed.get(edge.to)!),
      label: { x: label.x, y: label.y, width: label.width, height: label.height },
    };
  });
  const size = graph.graph() as { width?: number; height?: number };
  return { nodes: nodes.map((node) => placed.get(node.id)!), edges: placedEdges, width: size.width ?? 0, height: size.height ?? 0 };
}
