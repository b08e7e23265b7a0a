export interface OrderableSpan {
  spanId: string;
  parentSpanId: string | null;
  startTimeNs: bigint;
}

export interface SpanOrder {
  /** Indexes into the input, depth-first, children by start time. */
  order: number[];
  depth: number[];
  /** Per input index: has a parent id that is not in the trace (shown as a root). */
  orphan: boolean[];
}

/**
 * Depth-first order of one trace's spans (roots and orphans by start time, children by
 * start time), iterative so a 100,000-deep chain is fine. Spans only reachable through a
 * parent cycle are taken as roots, so every span appears exactly once.
 */
export function orderSpans(spans: readonly OrderableSpan[]): SpanOrder {
  const indexOf = new Map(spans.map((span, index) => [span.spanId, index]));
  const children: number[][] = spans.map(() => []);
  const orphan = spans.map(() => false);
  const roots: number[] = [];
  spans.forEach((span, index) => {
    const parent = span.parentSpanId === null ? undefined : indexOf.get(span.parentSpanId);
    if (parent === undefined || parent === index) {
      orphan[index] = span.parentSpanId !== null;
      roots.push(index);
    } else children[parent].push(index);
  });
  const byStart = (a: number, b: number) => (spans[a].startTimeNs < spans[b].startTimeNs ? -1 : spans[a].startTimeNs > spans[b].startTimeNs ? 1 : 0);
  for (const list of children) list.sort(byStart);
  roots.sort(byStart);

  const order: number[] = [];
  const depth: number[] = [];
  const seen = new Uint8Array(spans.length);
  const visit = (root: number) => {
    const stack: Array<[number, number]> = [[root, 0]];
    while (stack.length > 0) {
      const [index, level] = stack.pop()!;
      if (seen[index]) continue;
      seen[index] = 1;
      order.push(index);
      depth.push(level);
      for (let child = children[index].length - 1; child >= 0; child--) stack.push([children[index][child], level + 1]);
    }
  };
  roots.forEach(visit);
  for (let index = 0; index < spans.length; index++) if (!seen[index]) visit(index);
  return { order, depth, orphan };
}
