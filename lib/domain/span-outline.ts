/**
 * A span's place and time in its trace, without its attributes, events, links or
 * resource: what tree-shaped work such as a trace comparison needs. The store's
 * SpanRecord has these fields too.
 */
export interface SpanOutline {
  spanId: string;
  parentSpanId: string | null;
  serviceName: string;
  name: string;
  /** Unix nanoseconds, exact. */
  startTimeNs: bigint;
  endTimeNs: bigint;
}
