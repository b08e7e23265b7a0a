/** What a comparison needs of a span; the store's SpanRecord has these fields and more. */
export interface CompareSpan {
  spanId: string;
  parentSpanId: string | null;
  serviceName: string;
  name: string;
  /** Unix nanoseconds, exact. */
  startTimeNs: bigint;
  endTimeNs: bigint;
}
