// Lays a plan out in time: offsets in nanoseconds from the plan's start. Children run in
// `concurrency` lanes (1 = one after another); detached children (async work, queue
// consumers) start at the parent's cursor and neither wait for nor delay the parent.
import { walk, type Plan, type PlanNode } from "./plan";

export interface SpanTimes {
  start: number;
  end: number;
}

export interface Layout {
  times: Map<PlanNode, SpanTimes>;
  /** From the plan's start to the last end of any span, in nanoseconds. */
  extent: number;
}

interface Stretch {
  node: PlanNode;
  extraNs: number;
}

// Recursion depth is the plan's nesting depth (about ten), not its size.
function place(node: PlanNode, start: number, times: Map<PlanNode, SpanTimes>, stretch?: Stretch): number {
  const workStart = start + node.before;
  const attached = node.children.filter((child) => !child.detached).length;
  const lanes = new Array<number>(Math.max(1, Math.min(node.concurrency, attached))).fill(workStart);
  for (const child of node.children) {
    let lane = 0;
    for (let i = 1; i < lanes.length; i++) if (lanes[i] < lanes[lane]) lane = i;
    const childEnd = place(child, lanes[lane] + child.delay, times, stretch);
    if (!child.detached) lanes[lane] = childEnd;
  }
  const extra = stretch?.node === node ? stretch.extraNs : 0;
  const end = Math.max(...lanes) + node.after + extra;
  times.set(node, { start, end });
  return end;
}

function layoutWith(plan: Plan, stretch?: Stretch): Layout {
  const times = new Map<PlanNode, SpanTimes>();
  for (const trace of plan.traces) {
    let start = trace.delay;
    if (trace.follows) {
      const previous = times.get(trace.follows);
      if (!previous) throw new Error(`${plan.scenario}: a trace follows a span that is not laid out before it`);
      start = previous.end + trace.delay;
    }
    place(trace.root, start, times, stretch);
  }
  let extent = 0;
  for (const { end } of times.values()) extent = Math.max(extent, end);
  return { times, extent };
}

/** Extent of one trace: from its root's start to the last end among its spans. */
export function traceExtent(layout: Layout, root: PlanNode): number {
  const rootStart = layout.times.get(root)!.start;
  let end = rootStart;
  for (const node of walk(root)) end = Math.max(end, layout.times.get(node)!.end);
  return end - rootStart;
}

/**
 * Lays the plan out; with `slowFactor` > 1 the bottleneck gets enough extra time that
 * the first trace takes about `slowFactor` times as long as it normally would.
 */
export function layoutPlan(plan: Plan, slowFactor = 1): Layout {
  const normal = layoutWith(plan);
  if (slowFactor <= 1 || !plan.bottleneck) return normal;
  const extraNs = Math.round((slowFactor - 1) * traceExtent(normal, plan.traces[0].root));
  return layoutWith(plan, { node: plan.bottleneck, extraNs });
}
