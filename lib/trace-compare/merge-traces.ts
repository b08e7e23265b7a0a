import type { SpanOutline } from "@/lib/domain/span-outline";
import { diffState, type DiffState } from "./diff-state";
import { traceSide, type TraceSide } from "./trace-side";

/** What one trace has at a node of the merged tree. */
export interface SideMeasure {
  /** Spans of this trace at the node's path (repeated siblings add up). */
  count: number;
  /** Their durations added up, in milliseconds. */
  totalMs: number;
  /** Their self times added up (duration minus the time their children cover). */
  selfMs: number;
  /** The earliest of them, to open in its trace; null when the trace has none here. */
  firstSpanId: string | null;
}

/** One (service, operation) path from a root, with what each trace has there. */
export interface MergedNode {
  /** Index of the parent node; null at the top (roots, and orphans whose parent is missing). */
  parent: number | null;
  depth: number;
  serviceName: string;
  name: string;
  /** A top-level node of spans whose parent span is not in their trace. */
  orphan: boolean;
  a: SideMeasure;
  b: SideMeasure;
  /** b.totalMs - a.totalMs: positive when B took longer. */
  diffMs: number;
  /** b.selfMs - a.selfMs. */
  selfDiffMs: number;
  state: DiffState;
  /** Nodes in this node's subtree, itself included: in depth-first order they are it and the next subtreeSize - 1. */
  subtreeSize: number;
  /** This node or one below it is not unchanged, or has a different span count on each side. */
  changed: boolean;
}

interface Draft {
  parent: number;
  serviceName: string;
  name: string;
  orphan: boolean;
  sides: [SideMeasure, SideMeasure];
  /** Earliest start of its spans relative to their trace, for ordering siblings. */
  firstStartMs: number;
  children: number[];
}

const emptySide = (): SideMeasure => ({ count: 0, totalMs: 0, selfMs: 0, firstSpanId: null });

/**
 * Adds one trace's spans to the drafts: each span joins the node of its parent's node and
 * its own (service, operation), so repeated siblings of one kind are one node. A top-level
 * orphan keys apart from a root of the same name: its missing parent makes it another path.
 */
function addSide(drafts: Draft[], byKey: Map<string, number>, side: TraceSide, which: 0 | 1): void {
  const nodeOfRow = new Int32Array(side.spans.length);
  const firstStartOf = new Map<number, number>();
  side.spans.forEach((span, row) => {
    const parentRow = side.parent[row];
    const parent = parentRow < 0 ? -1 : nodeOfRow[parentRow];
    const orphan = parentRow < 0 && side.orphan[row] === 1;
    const key = `${parent}\u0000${orphan ? 1 : 0}\u0000${span.serviceName}\u0000${span.name}`;
    let node = byKey.get(key);
    if (node === undefined) {
      node = drafts.length;
      byKey.set(key, node);
      drafts.push({ parent, serviceName: span.serviceName, name: span.name, orphan, sides: [emptySide(), emptySide()], firstStartMs: Infinity, children: [] });
      if (parent >= 0) drafts[parent].children.push(node);
    }
    nodeOfRow[row] = node;
    const draft = drafts[node];
    const measure = draft.sides[which];
    measure.count++;
    measure.totalMs += side.durationMs[row];
    measure.selfMs += side.selfMs[row];
    const start = side.startMs[row];
    if (start < (firstStartOf.get(node) ?? Infinity)) {
      firstStartOf.set(node, start);
      measure.firstSpanId = span.spanId;
    }
    draft.firstStartMs = Math.min(draft.firstStartMs, start);
  });
}

const bySiblingOrder = (drafts: Draft[]) => (x: number, y: number) => {
  const a = drafts[x];
  const b = drafts[y];
  if (a.firstStartMs !== b.firstStartMs) return a.firstStartMs - b.firstStartMs;
  return a.serviceName.localeCompare(b.serviceName) || a.name.localeCompare(b.name) || Number(a.orphan) - Number(b.orphan);
};

/** The drafts in depth-first order (siblings by earliest start, then by name), iteratively: traces can be 10,000+ deep. */
function depthFirst(drafts: Draft[]): MergedNode[] {
  const order = bySiblingOrder(drafts);
  const tops = drafts.flatMap((draft, index) => (draft.parent < 0 ? [index] : [])).sort(order);
  const nodes: MergedNode[] = [];
  const indexOf = new Int32Array(drafts.length);
  const stack = tops.reverse().map((draft) => ({ draft, depth: 0 }));
  while (stack.length > 0) {
    const { draft: index, depth } = stack.pop()!;
    const draft = drafts[index];
    const [a, b] = draft.sides;
    indexOf[index] = nodes.length;
    const state = diffState(a.count, a.totalMs, b.count, b.totalMs);
    nodes.push({
      parent: draft.parent < 0 ? null : indexOf[draft.parent],
      depth,
      serviceName: draft.serviceName,
      name: draft.name,
      orphan: draft.orphan,
      a,
      b,
      diffMs: b.totalMs - a.totalMs,
      selfDiffMs: b.selfMs - a.selfMs,
      state,
      subtreeSize: 1,
      changed: state !== "unchanged" || a.count !== b.count,
    });
    const children = draft.children.sort(order);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ draft: children[i], depth: depth + 1 });
  }
  // Children come after their parent: one backward pass adds each subtree up into its parent.
  for (let index = nodes.length - 1; index >= 0; index--) {
    const { parent } = nodes[index];
    if (parent === null) continue;
    nodes[parent].subtreeSize += nodes[index].subtreeSize;
    if (nodes[index].changed) nodes[parent].changed = true;
  }
  return nodes;
}

/**
 * Trace A and trace B merged by path: a node per distinct chain of (service, operation)
 * from a root, with each trace's span count, total and self time there. Pure and
 * linear apart from sorting siblings.
 */
export function mergeTraces(spansA: readonly SpanOutline[], spansB: readonly SpanOutline[]): MergedNode[] {
  const drafts: Draft[] = [];
  const byKey = new Map<string, number>();
  addSide(drafts, byKey, traceSide(spansA), 0);
  addSide(drafts, byKey, traceSide(spansB), 1);
  return depthFirst(drafts);
}
