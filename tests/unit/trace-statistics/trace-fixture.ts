import type { Attributes, SpanRecord } from "@/lib/domain/span-record";
import { waterfallFromRecords } from "@/lib/waterfall/from-span-records";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";

/** A span of a test trace: times in ms from an arbitrary epoch, `parent` by local id. */
export interface FixtureSpan {
  id: string;
  parent?: string;
  service?: string;
  name?: string;
  from: number;
  to: number;
  attributes?: Attributes;
  resource?: Attributes;
}

const EPOCH_NS = 1_700_000_000_000_000_000n;
const nanos = (ms: number) => EPOCH_NS + BigInt(Math.round(ms * 1_000_000));

/** The waterfall of these spans, built by the same tree builder the trace file viewer uses (orphans and all). */
export function fixtureTrace(spans: readonly FixtureSpan[]): WaterfallTrace {
  const records = spans.map(
    (span): SpanRecord => ({
      traceId: "t",
      spanId: span.id,
      parentSpanId: span.parent ?? null,
      name: span.name ?? span.id,
      kind: 1,
      startTimeNs: nanos(span.from),
      endTimeNs: nanos(span.to),
      statusCode: 0,
      statusMessage: null,
      serviceName: span.service ?? "svc",
      resourceAttributes: { "service.name": span.service ?? "svc", ...span.resource },
      attributes: span.attributes ?? {},
      events: [],
      links: [],
      scopeName: null,
      scopeVersion: null,
      traceState: null,
    }),
  );
  return waterfallFromRecords("t", records);
}

/** One figure per span id, read from per-row values. */
export function bySpanId(trace: WaterfallTrace, values: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(trace.spans.map((span, row) => [span.spanId, values[row]]));
}

/**
 * The checkout of the e2e tests: every step runs after the previous one, so every span is
 * on the critical path and its critical time equals its self time.
 */
export const CHECKOUT: FixtureSpan[] = [
  { id: "root", service: "frontend", name: "GET /checkout", from: 0, to: 120 },
  { id: "auth", parent: "root", service: "auth", name: "verify token", from: 5, to: 20 },
  { id: "cart", parent: "root", service: "cart", name: "load cart", from: 22, to: 60 },
  { id: "db", parent: "cart", service: "cart", name: "SELECT cart_items", from: 25, to: 55 },
  { id: "pay", parent: "root", service: "payments", name: "charge card", from: 62, to: 115 },
  { id: "fraud", parent: "pay", service: "payments", name: "fraud check", from: 65, to: 75 },
  { id: "gateway", parent: "pay", service: "gateway", name: "POST /charge", from: 76, to: 110 },
];
