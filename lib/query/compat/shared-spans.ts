import { SpanKind, type SpanRecord } from "@/lib/domain/span-record";

/**
 * Zipkin's shared spans: a client and a server half reported with one span id, stored
 * as two rows that differ by kind. The ids of the spans of `spans` that have both halves.
 */
export function sharedSpanIds(spans: readonly SpanRecord[]): Set<string> {
  const clients = new Set(spans.filter((span) => span.kind === SpanKind.CLIENT).map((span) => span.spanId));
  return new Set(spans.filter((span) => span.kind === SpanKind.SERVER && clients.has(span.spanId)).map((span) => span.spanId));
}

/** True for the server half of a shared span (see sharedSpanIds). */
export function isSharedServerHalf(span: SpanRecord, shared: ReadonlySet<string>): boolean {
  return span.kind === SpanKind.SERVER && shared.has(span.spanId);
}
