import type { SpanRecord } from "@/lib/domain/span-record";
import type { StructuralOperator } from "./ast";

/**
 * The parent links of one trace's spans, as Tempo's structural operators see them.
 * Tempo numbers the spans it can reach from a root (nested sets) and never relates a
 * span it could not reach, so here too only spans whose parent chain ends at a root
 * (a span without a parent) are related; the roots are siblings of one another.
 */
export class SpanTree {
  /** The index of each span's parent, -1 for a root, -2 for a span not connected to a root. */
  readonly parent: Int32Array;
  /** Connected spans, each after its parent (breadth-first from the roots). */
  readonly order: number[] = [];

  constructor(spans: readonly SpanRecord[]) {
    const count = spans.length;
    this.parent = new Int32Array(count).fill(-2);
    const byId = new Map<string, number>();
    spans.forEach((span, index) => {
      if (!byId.has(span.spanId)) byId.set(span.spanId, index);
    });
    const children: number[][] = Array.from({ length: count }, () => []);
    spans.forEach((span, index) => {
      if (span.parentSpanId === null) return;
      const parent = byId.get(span.parentSpanId);
      if (parent !== undefined && parent !== index) children[parent].push(index);
    });
    spans.forEach((span, index) => {
      if (span.parentSpanId !== null) return;
      this.parent[index] = -1;
      this.order.push(index);
    });
    // Walking down from the roots visits each connected span once, so a parent loop is never entered.
    for (let at = 0; at < this.order.length; at++) {
      const node = this.order[at];
      for (const child of children[node]) {
        if (this.parent[child] !== -2) continue;
        this.parent[child] = node;
        this.order.push(child);
      }
    }
  }

  /** Whether each span has an ancestor in `set` (`below` true) or a descendant in it (`below` false). */
  private reach(set: Uint8Array, below: boolean): Uint8Array {
    const result = new Uint8Array(this.parent.length);
    if (below) {
      for (const node of this.order) {
        const parent = this.parent[node];
        if (parent >= 0 && (set[parent] || result[parent])) result[node] = 1;
      }
    } else {
      for (let at = this.order.length - 1; at >= 0; at--) {
        const node = this.order[at];
        const parent = this.parent[node];
        if (parent >= 0 && (set[node] || result[node])) result[parent] = 1;
      }
    }
    return result;
  }

  /** Whether each span's parent is in `set` (`below` true) or one of its children is (`below` false). */
  private adjacent(set: Uint8Array, below: boolean): Uint8Array {
    const result = new Uint8Array(this.parent.length);
    for (const node of this.order) {
      const parent = this.parent[node];
      if (parent < 0) continue;
      if (below && set[parent]) result[node] = 1;
      if (!below && set[node]) result[parent] = 1;
    }
    return result;
  }

  /** Whether each span has a sibling (another span of the same parent, or another root) in `set`. */
  private siblings(set: Uint8Array): Uint8Array {
    const inSet = new Map<number, number>();
    for (const node of this.order) if (set[node]) inSet.set(this.parent[node], (inSet.get(this.parent[node]) ?? 0) + 1);
    const result = new Uint8Array(this.parent.length);
    for (const node of this.order) if ((inSet.get(this.parent[node]) ?? 0) - set[node] > 0) result[node] = 1;
    return result;
  }

  /**
   * The spans `left op right` selects, as Tempo defines it: of the right-hand spans,
   * those with the relation to some left-hand span (`>` child, `>>` descendant, `<`
   * parent, `<<` ancestor, `~` sibling); with `!`, those without it; with `&`, those
   * and also the left-hand spans with the mirrored relation to some right-hand span.
   */
  select(op: StructuralOperator, left: Uint8Array, right: Uint8Array): Uint8Array {
    const negated = op.startsWith("!");
    const union = op.startsWith("&");
    const relation = negated || union ? op.slice(1) : op;
    const holds = (from: Uint8Array, mirrored: boolean): Uint8Array => {
      switch (relation) {
        case ">":
          return this.adjacent(from, !mirrored);
        case "<":
          return this.adjacent(from, mirrored);
        case ">>":
          return this.reach(from, !mirrored);
        case "<<":
          return this.reach(from, mirrored);
        default:
          return this.siblings(from);
      }
    };
    const related = holds(left, false);
    const result = new Uint8Array(right.length);
    for (let index = 0; index < right.length; index++) if (right[index] && related[index] !== (negated ? 1 : 0)) result[index] = 1;
    if (union) {
      const back = holds(right, true);
      for (let index = 0; index < left.length; index++) if (left[index] && back[index]) result[index] = 1;
    }
    return result;
  }
}
