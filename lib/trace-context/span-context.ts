import type { TraceState } from "./tracestate";

/** The propagated part of a span: what crosses a process boundary. */
export interface SpanContext {
  traceId: string;
  spanId: string;
  traceFlags: number;
  traceState?: TraceState;
  /** True when the context was extracted from an incoming request. */
  isRemote?: boolean;
}
