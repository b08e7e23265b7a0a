import { type Carrier, deleteHeader, getHeaderValues, setHeader } from "./carrier";
import { generateSpanId, generateTraceId } from "./ids";
import { shouldSampleTraceId } from "./sampling";
import type { SpanContext } from "./span-context";
import { KNOWN_FLAGS_MASK, TraceFlags } from "./trace-flags";
import { formatTraceparent, parseTraceparent } from "./traceparent";
import { TraceState } from "./tracestate";
import { parseXTraceId, X_TRACE_ID_HEADER } from "./x-trace-id";

export const TRACEPARENT_HEADER = "traceparent";
export const TRACESTATE_HEADER = "tracestate";

/** The context of the span this process starts for a request or call. */
export interface TraceContext extends SpanContext {
  /** The caller's span-id, when the trace was continued from a traceparent. */
  parentSpanId?: string;
}

export interface SamplingOptions {
  /** Probability of sampling a trace this process starts (0..1). */
  sampleRatio: number;
}

/**
 * The caller's context from exactly one valid traceparent, with its tracestate when
 * that is valid. Two traceparent headers, or one that a `Headers` object joined with
 * another, are invalid.
 */
export function extractSpanContext(carrier: Carrier): SpanContext | null {
  const values = getHeaderValues(carrier, TRACEPARENT_HEADER);
  // A comma can only come from two headers joined into one (Headers, Node); never valid.
  if (values.length !== 1 || values[0].includes(",")) return null;
  const parsed = parseTraceparent(values[0]);
  if (!parsed) return null;
  const traceState = TraceState.parse(getHeaderValues(carrier, TRACESTATE_HEADER));
  return {
    traceId: parsed.traceId,
    spanId: parsed.spanId,
    traceFlags: parsed.traceFlags & KNOWN_FLAGS_MASK,
    traceState: traceState && traceState.size > 0 ? traceState : undefined,
    isRemote: true,
  };
}

/** A new child of `parent` (same trace, flags and tracestate; a fresh span-id). */
export function childOf(parent: SpanContext): TraceContext {
  return {
    traceId: parent.traceId,
    spanId: generateSpanId(),
    parentSpanId: parent.spanId,
    traceFlags: parent.traceFlags & KNOWN_FLAGS_MASK,
    traceState: parent.traceState,
  };
}

/** A new root context; the sampling decision is deterministic in the trace-id. */
export function newRootContext(options: SamplingOptions, traceId?: string): TraceContext {
  const id = traceId ?? generateTraceId();
  // A trace-id we generate is random; one a caller handed us via X-Trace-ID may not be.
  const random = traceId === undefined ? TraceFlags.RANDOM : TraceFlags.NONE;
  const sampled = shouldSampleTraceId(id, options.sampleRatio) ? TraceFlags.SAMPLED : TraceFlags.NONE;
  return { traceId: id, spanId: generateSpanId(), traceFlags: random | sampled };
}

/**
 * The context for serving an incoming request: continues a valid traceparent
 * (respecting its sampled flag), else adopts a valid X-Trace-ID, else starts a new
 * trace. Never throws on malformed headers.
 */
export function continueOrStartTrace(carrier: Carrier, options: SamplingOptions): TraceContext {
  const parent = extractSpanContext(carrier);
  if (parent) return childOf(parent);
  const [xTraceId] = getHeaderValues(carrier, X_TRACE_ID_HEADER);
  return newRootContext(options, parseXTraceId(xTraceId) ?? undefined);
}

/** Writes exactly one traceparent, and the tracestate when there is one, for an outgoing call. */
export function injectSpanContext(ctx: SpanContext, carrier: Carrier): void {
  setHeader(carrier, TRACEPARENT_HEADER, formatTraceparent(ctx));
  const traceState = ctx.traceState?.serialize();
  if (traceState) setHeader(carrier, TRACESTATE_HEADER, traceState);
  else deleteHeader(carrier, TRACESTATE_HEADER);
}

/** Request headers for handlers downstream: the propagation headers plus X-Trace-ID. */
export function injectRequestHeaders(ctx: SpanContext, carrier: Carrier): void {
  injectSpanContext(ctx, carrier);
  setHeader(carrier, X_TRACE_ID_HEADER, ctx.traceId);
}

/** Response headers: the server span's traceparent and the trace-id it belongs to. */
export function injectResponseHeaders(ctx: SpanContext, carrier: Carrier): void {
  setHeader(carrier, TRACEPARENT_HEADER, formatTraceparent(ctx));
  setHeader(carrier, X_TRACE_ID_HEADER, ctx.traceId);
}
