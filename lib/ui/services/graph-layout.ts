/**
 * Layered layout of a directed graph (the service map): each node's layer is the
 * longest path to it from a source, order inside a layer by barycenter sweeps.
 * Cycles are tolerated: edges that close a cycle (found by an iterative DFS) are left
 * out of the layering and drawn as back edges. Pure; no React or DOM.
 */

export interface LayoutNodeInput {
  id: string;
  /** Drives the radius (e.g. span count). */
  weight: number;
}

export interface LayoutEdgeInput {
  from: string;
  to: string;
}

export interface LayoutOptions {
  layerGap: number;
  rowGap: number;
  minRadius: number;
  maxRadius: number;
  /** Room left and right of the outer layers (for names under the nodes). */
  marginX: number;
  marginY: number;
  /** Barycenter sweeps (down then up each). */
  sweeps: number;
}

export interface PlacedNode {
  id: string;
  layer: number;
  /** Position inside its layer, from the top. */
  order: number;
  x: number;
  y: number;
  radius: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  /** `edgeKey(from, to)` of the edges that close a cycle (self-loops too); every other edge goes to a later layer. */
  backEdges: Set<string>;
  width: number;
  height: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { layerGap: 240, rowGap: 110, minRadius: 14, maxRadius: 40, marginX: 110, marginY: 60, sweeps: 4 };

export function edgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

/** Edges that close a cycle in a depth-first walk from every node in input order (self-loops included). */
export function findBackEdges(ids: readonly string[], successors: ReadonlyMap<string, readonly string[]>): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, "open" | "done">();
  for (const root of ids) {
    if (state.has(root)) continue;
    state.set(root, "open");
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const children = successors.get(top.id) ?? [];
      if (top.next >= children.length) {
        state.set(top.id, "done");
        stack.pop();
        continue;
      }
      const child = children[top.next++];
      const seen = state.get(child);
      if (seen === "open") back.add(edgeKey(top.id, child));
      else if (seen === undefined) {
        state.set(child, "open");
        stack.push({ id: child, next: 0 });
      }
    }
  }
  return back;
}

/** Longest-path layer of every node over the acyclic edges (Kahn's order). */
export function longestPathLayers(ids: readonly string[], edges: readonly LayoutEdgeInput[], back: ReadonlySet<string>): Map<string, number> {
  const layer = new Map(ids.map((id) => [id, 0]));
  const inDegree = new Map(ids.map((id) => [id, 0]));
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    if (back.has(edgeKey(edge.from, edge.to))) continue;
    forward.get(edge.from)!.push(edge.to);
    inDegree.set(edge.to, inDegree.get(edge.to)! + 1);
  }
  const queue = ids.filter((id) => inDegree.get(id) === 0);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    for (const next of forward.get(id)!) {
      layer.set(next, Math.max(layer.get(next)!, layer.get(id)! + 1));
      const remaining = inDegree.get(next)! - 1;
      inDegree.set(next, remaining);
      if (remaining === 0) queue.push(next);
    }
  }
  return layer;
}

function neighbourMean(id: string, neighbours: ReadonlyMap<string, string[]>, position: ReadonlyMap<string, number>): number | null {
  const placed = (neighbours.get(id) ?? []).map((other) => position.get(other)).filter((value): value is number => value !== undefined);
  return placed.length === 0 ? null : placed.reduce((sum, value) => sum + value, 0) / placed.length;
}

/** Reorders each layer by the mean position of its neighbours in the layer before it (stable for ties and loners). */
function sweep(layers: string[][], neighbours: ReadonlyMap<string, string[]>): void {
  const position = new Map<string, number>();
  layers[0]?.forEach((id, index) => position.set(id, index));
  for (let index = 1; index < layers.length; index++) {
    const keyed = layers[index].map((id, current) => ({ id, key: neighbourMean(id, neighbours, position) ?? current }));
    keyed.sort((a, b) => a.key - b.key);
    layers[index] = keyed.map((entry) => entry.id);
    layers[index].forEach((id, order) => position.set(id, order));
  }
}

/**
 * The y of every node: the first layer stacked from the top; a later node level with the
 * mean of its parents (so a chain runs straight), pushed down to keep `rowGap` below
 * the node above it. Parents sit in earlier layers, so they are placed first.
 */
function placeRows(layers: readonly string[][], parents: ReadonlyMap<string, string[]>, options: LayoutOptions): Map<string, number> {
  const rows = new Map<string, number>();
  for (const layer of layers) {
    let above = -Infinity;
    for (const id of layer) {
      const parentRows = parents.get(id)!.map((parent) => rows.get(parent)!);
      const wanted = parentRows.length > 0 ? parentRows.reduce((sum, row) => sum + row, 0) / parentRows.length : options.marginY;
      above = Math.max(wanted, above + options.rowGap, options.marginY);
      rows.set(id, above);
    }
  }
  return rows;
}

export function layoutGraph(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[], options: LayoutOptions = DEFAULT_LAYOUT_OPTIONS): GraphLayout {
  const ids = nodes.map((node) => node.id);
  const known = new Set(ids);
  const usable = edges.filter((edge) => known.has(edge.from) && known.has(edge.to));
  const successors = new Map<string, string[]>(ids.map((id) => [id, []]));
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  const children = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of usable) successors.get(edge.from)!.push(edge.to);

  const back = findBackEdges(ids, successors);
  const layerOf = longestPathLayers(ids, usable, back);
  for (const edge of usable) {
    if (back.has(edgeKey(edge.from, edge.to))) continue;
    parents.get(edge.to)!.push(edge.from);
    children.get(edge.from)!.push(edge.to);
  }

  const layerCount = Math.max(0, ...layerOf.values()) + (ids.length > 0 ? 1 : 0);
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const id of ids) layers[layerOf.get(id)!].push(id);
  for (let round = 0; round < options.sweeps; round++) {
    sweep(layers, parents);
    layers.reverse();
    sweep(layers, children);
    layers.reverse();
  }

  const maxWeight = Math.max(1, ...nodes.map((node) => node.weight));
  const rows = placeRows(layers, parents, options);
  const height = Math.max(...rows.values(), options.marginY) + options.marginY;
  const width = options.marginX * 2 + Math.max(0, layerCount - 1) * options.layerGap;
  const placed = new Map<string, PlacedNode>();
  layers.forEach((layer, layerIndex) => {
    layer.forEach((id, order) => {
      placed.set(id, { id, layer: layerIndex, order, x: options.marginX + layerIndex * options.layerGap, y: rows.get(id)!, radius: 0 });
    });
  });
  for (const node of nodes) {
    const share = Math.sqrt(Math.max(0, node.weight) / maxWeight);
    placed.get(node.id)!.radius = options.minRadius + (options.maxRadius - options.minRadius) * share;
  }

  return { nodes: ids.map((id) => placed.get(id)!), backEdges: back, width, height };
}

/**
 * SVG path of an edge between two placed nodes: a forward edge is a horizontal
 * S-curve from the right of `from` to the left of `to`; a back edge or self-loop
 * bows below both so it does not run over the forward edges.
 */
export function edgePath(from: PlacedNode, to: PlacedNode, back: boolean): { d: string; labelX: number; labelY: number } {
  if (from.id === to.id) {
    const top = from.y - from.radius;
    const d = `M ${from.x - 8} ${top} C ${from.x - 40} ${top - 50}, ${from.x + 40} ${top - 50}, ${from.x + 8} ${top}`;
    return { d, labelX: from.x, labelY: top - 42 };
  }
  if (!back) {
    const x1 = from.x + from.radius;
    const x2 = to.x - to.radius;
    const mid = (x1 + x2) / 2;
    return { d: `M ${x1} ${from.y} C ${mid} ${from.y}, ${mid} ${to.y}, ${x2} ${to.y}`, labelX: mid, labelY: (from.y + to.y) / 2 - 6 };
  }
  const x1 = from.x;
  const y1 = from.y + from.radius;
  const x2 = to.x;
  const y2 = to.y + to.radius;
  const dip = Math.max(y1, y2) + 60;
  return { d: `M ${x1} ${y1} C ${x1} ${dip}, ${x2} ${dip}, ${x2} ${y2}`, labelX: (x1 + x2) / 2, labelY: dip - 12 };
}
