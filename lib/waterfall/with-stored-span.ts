import type { StoredSpan } from "@/lib/api/contracts/traces";
import { toWaterfallSpan } from "./from-trace-detail";
import type { WaterfallSpan } from "./waterfall-trace";

/**
 * A span of the compact view completed with its stored detail (events with attributes,
 * links, trace state). Of the stored spans with its id (a Zipkin shared span has two) the
 * one of the same kind and start is taken; its place in the trace stays the row's.
 * Without a match the span is returned as it was.
 */
export function withStoredSpan(span: WaterfallSpan, stored: readonly StoredSpan[], traceStartUnixNano: string): WaterfallSpan {
  const match = stored.find((candidate) => candidate.kind === span.kind && candidate.startTimeUnixNano === span.startTimeUnixNano) ?? (stored.length === 1 ? stored[0] : undefined);
  if (!match) return span;
  const full = toWaterfallSpan({ ...match, orphan: span.orphan }, BigInt(traceStartUnixNano));
  return { ...full, startMs: span.startMs, parentSpanId: span.parentSpanId };
}
