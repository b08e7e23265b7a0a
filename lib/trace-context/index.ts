export { type Carrier, type HeaderRecord, getHeaderValues, setHeader, deleteHeader } from "./carrier";
export { generateSpanId, generateTraceId, isValidSpanId, isValidTraceId } from "./ids";
export {
  TRACEPARENT_HEADER,
  TRACESTATE_HEADER,
  type SamplingOptions,
  type TraceContext,
  childOf,
  continueOrStartTrace,
  extractSpanContext,
  injectRequestHeaders,
  injectResponseHeaders,
  injectSpanContext,
  newRootContext,
} from "./propagation";
export { parseSampleRatio, shouldSampleTraceId } from "./sampling";
export type { SpanContext } from "./span-context";
export { formatFlags, isSampled, KNOWN_FLAGS_MASK, TraceFlags } from "./trace-flags";
export { createTracedFetch, type TracedFetchOptions } from "./traced-fetch";
export { formatTraceparent, parseTraceparent, type ParsedTraceparent } from "./traceparent";
export { isValidTracestateKey, isValidTracestateValue, TraceState } from "./tracestate";
export { parseXTraceId, X_TRACE_ID_HEADER } from "./x-trace-id";
