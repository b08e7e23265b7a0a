import { subtreeBounds } from "./subtree-bounds";
import type { WaterfallSpan, WaterfallTrace } from "./waterfall-trace";

/** The waterfall model of spans already in depth-first order with their depths (one O(n) pass). */
export function buildWaterfall(
  trace: { traceId: string; startTimeUnixNano: string; durationMs: number },
  spans: WaterfallSpan[],
  depths: ArrayLike<number>,
): WaterfallTrace {
  const depth = Int32Array.from(depths);
  const { parent, subtreeEnd } = subtreeBounds(depth);
  const services = new Set<string>();
  let maxDepth = 0;
  let errorCount = 0;
  for (let row = 0; row < spans.length; row++) {
    services.add(spans[row].service);
    if (depth[row] > maxDepth) maxDepth = depth[row];
    if (spans[row].status === "error") errorCount++;
  }
  return { ...trace, spans, depth, parent, subtreeEnd, services: [...services], maxDepth, errorCount };
}
