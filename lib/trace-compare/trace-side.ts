import { nanosToMillis } from "@/lib/domain/time-units";
import { buildTraceTree } from "@/lib/trace-tree";
import { selfTimes } from "@/lib/waterfall/self-time";
import type { SpanOutline } from "@/lib/domain/span-outline";

/** One trace of a comparison, as columns by row of its span tree (depth first, siblings by start). */
export interface TraceSide {
  spans: SpanOutline[];
  /** Row of the parent; -1 for a root or an orphan. */
  parent: Int32Array;
  orphan: Uint8Array;
  /** Milliseconds after the trace's first span started: the traces' own clocks never meet. */
  startMs: Float64Array;
  durationMs: Float64Array;
  /** Duration minus the time children cover (overlapping children once, clipped to the span). */
  selfMs: Float64Array;
}

/**
 * A trace's spans as a tree, with each span's start relative to its own trace, its
 * duration and its self time. Only times within one trace are ever subtracted, so two
 * traces recorded on hosts whose clocks disagree (or days apart) compare by durations.
 * A span ending before it starts (a skewed clock inside the trace) lasts 0.
 */
export function traceSide(spans: readonly SpanOutline[]): TraceSide {
  const tree = buildTraceTree(spans.map((span) => ({ span, spanId: span.spanId, parentSpanId: span.parentSpanId, startTimeUnixNano: span.startTimeNs })));
  const count = tree.rows.length;
  let traceStart = count > 0 ? tree.rows[0].span.startTimeUnixNano : 0n;
  for (const { span } of tree.rows) if (span.startTimeUnixNano < traceStart) traceStart = span.startTimeUnixNano;

  const side: TraceSide = {
    spans: new Array<SpanOutline>(count),
    parent: new Int32Array(count),
    orphan: new Uint8Array(count),
    startMs: new Float64Array(count),
    durationMs: new Float64Array(count),
    selfMs: new Float64Array(count),
  };
  // The last row seen at each depth: in depth-first order, a row's parent is the last one a level up.
  const lastAtDepth: number[] = [];
  tree.rows.forEach(({ span: { span }, depth, orphan }, row) => {
    side.spans[row] = span;
    lastAtDepth[depth] = row;
    side.parent[row] = depth === 0 ? -1 : lastAtDepth[depth - 1];
    side.orphan[row] = orphan ? 1 : 0;
    side.startMs[row] = nanosToMillis(span.startTimeNs - traceStart);
    side.durationMs[row] = span.endTimeNs > span.startTimeNs ? nanosToMillis(span.endTimeNs - span.startTimeNs) : 0;
  });
  const endMs = side.startMs.map((start, row) => start + side.durationMs[row]);
  side.selfMs.set(selfTimes({ startMs: side.startMs, endMs, parent: side.parent }));
  return side;
}
