// Crossing a process boundary in-process: the caller injects W3C trace context into the
// request (or message) headers, the callee extracts it, exactly as over the wire.
import { ROOT_CONTEXT, defaultTextMapGetter, defaultTextMapSetter, type Context } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";

export type Headers = Record<string, string>;

const propagator = new W3CTraceContextPropagator();

/** The headers a caller would send: `traceparent` (and `tracestate` when present). */
export function injectHeaders(context: Context): Headers {
  const headers: Headers = {};
  propagator.inject(context, headers, defaultTextMapSetter);
  return headers;
}

/** The context a callee continues from the headers it received. */
export function extractHeaders(headers: Headers): Context {
  return propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}
