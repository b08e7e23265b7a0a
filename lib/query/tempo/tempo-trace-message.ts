import type { OtlpSpan, OtlpTraceExport } from "@/lib/api/contracts/otlp-trace";
import { TempoTrace } from "@/lib/collector/wire/tempo-proto";
import type { SpanRecord } from "@/lib/domain/span-record";
import { dedupeSharedSpanIds } from "../compat/shared-spans";
import { byStartTime } from "../compat/span-order";
import { toOtlpExport } from "../traces/otlp-export";

/**
 * One trace as Tempo's `tempopb.Trace` message: the OTLP resource spans of its records
 * (spans by start time, a Zipkin shared span's server half renamed as Tempo's query
 * frontend dedupes it), as a plain object protobufjs encodes (ids as bytes), and as the
 * JSON Tempo writes with gogo's jsonpb: ids in base64, enums by name, 64-bit numbers as
 * decimal strings, zero values left out.
 */

/** The plain object of a tempopb.Trace, ready for `fromObject`. */
export type TempoTraceObject = Record<string, unknown>;

const bytes = (hex: string) => Buffer.from(hex, "hex");

/** An OTLP/JSON span as protobufjs takes it: hex ids as bytes; an unspecified kind, an unset status code and an unnamed event's name left out, as proto3 writes them. */
function spanObject({ traceId, spanId, parentSpanId, kind, status, links, events, ...rest }: OtlpSpan) {
  return {
    ...rest,
    events: events.map(({ name, ...event }) => ({ ...event, ...(name ? { name } : {}) })),
    traceId: bytes(traceId),
    spanId: bytes(spanId),
    ...(parentSpanId ? { parentSpanId: bytes(parentSpanId) } : {}),
    ...(kind ? { kind } : {}),
    status: { ...(status.code ? { code: status.code } : {}), ...(status.message ? { message: status.message } : {}) },
    links: links.map((link) => ({ ...link, traceId: bytes(link.traceId), spanId: bytes(link.spanId) })),
  };
}

function traceObject(otlp: OtlpTraceExport): TempoTraceObject {
  return {
    resourceSpans: otlp.resourceSpans.map((resourceSpans) => ({
      ...resourceSpans,
      scopeSpans: resourceSpans.scopeSpans.map((scopeSpans) => ({ ...scopeSpans, spans: scopeSpans.spans.map(spanObject) })),
    })),
  };
}

/**
 * The trace's spans, deduped and by start time, as a tempopb.Trace object; no spans give
 * the empty Trace. `keep` leaves out the spans a filter did not match, after the deduper
 * saw the whole trace (as Tempo filters the combined trace).
 */
export function tempoTraceObject(records: readonly SpanRecord[], keep: (span: SpanRecord) => boolean = () => true): TempoTraceObject {
  const spans = [...records].sort(byStartTime);
  const idsOf = dedupeSharedSpanIds(spans);
  return traceObject(toOtlpExport(spans.filter(keep).map((span) => ({ ...span, ...idsOf(span) }))));
}

/** jsonpb's rendering of a tempopb.Trace object: `{resourceSpans: [...]}`, or `{}` for the empty trace. */
export function tempoTraceJson(trace: TempoTraceObject): Record<string, unknown> {
  return TempoTrace.toObject(TempoTrace.fromObject(trace), { longs: String, enums: String, bytes: String });
}
