import type { StoredSpan, TraceDetail, TraceSpan } from "@/lib/api/contracts/traces";
import type { Attributes } from "@/lib/domain/span-record";
import { nanosToMillis } from "@/lib/domain/time-units";
import { buildWaterfall } from "./build-waterfall";
import type { WaterfallSpan, WaterfallTrace } from "./waterfall-trace";

/** The contract types attributes as any JSON; the API sends them in the stored typed form. */
export const typedAttributes = (attributes: TraceSpan["attributes"]) => attributes as Attributes;

/** One span of an API answer as the waterfall shows it, its start placed after `traceStartNs`. */
export function toWaterfallSpan(span: StoredSpan & Pick<TraceSpan, "orphan">, traceStartNs: bigint): WaterfallSpan {
  const startNs = BigInt(span.startTimeUnixNano);
  return {
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    service: span.serviceName,
    kind: span.kind,
    status: span.status.code,
    statusMessage: span.status.message,
    startTimeUnixNano: span.startTimeUnixNano,
    startMs: nanosToMillis(startNs - traceStartNs),
    durationMs: span.durationMs,
    attributes: typedAttributes(span.attributes),
    resourceAttributes: typedAttributes(span.resourceAttributes),
    events: span.events.map((event) => ({
      name: event.name,
      timeUnixNano: event.timeUnixNano,
      offsetMs: nanosToMillis(BigInt(event.timeUnixNano) - startNs),
      attributes: typedAttributes(event.attributes),
    })),
    links: span.links.map((link) => ({ ...link, attributes: typedAttributes(link.attributes) })),
    traceState: span.traceState,
    scope: span.scope.name === null ? null : [span.scope.name, span.scope.version].filter(Boolean).join(" "),
    orphan: span.orphan,
  };
}

/** The waterfall of a trace detail answer, whose spans already come depth-first with their depths. */
export function waterfallFromDetail(detail: TraceDetail): WaterfallTrace {
  const { trace } = detail;
  const startNs = BigInt(trace.startTimeUnixNano);
  return buildWaterfall(
    { traceId: trace.traceId, startTimeUnixNano: trace.startTimeUnixNano, durationMs: trace.durationMs },
    detail.spans.map((span) => toWaterfallSpan(span, startNs)),
    detail.spans.map((span) => span.depth),
  );
}
