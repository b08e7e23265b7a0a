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

/** A span's id and parent id once the shared spans of its trace are told apart. */
export interface DedupedIds {
  spanId: string;
  parentSpanId: string | null;
}

/**
 * The span-id deduper of Jaeger's query service (model/adjuster/span_id_deduper.go), which
 * Tempo's query frontend runs on every trace too: the server half of a shared span gets
 * the smallest id from 1 up that no span of the trace uses, becomes the child of its
 * client half, and the spans under the shared id hang from it.
 */
export function dedupeSharedSpanIds(spans: readonly SpanRecord[]): (span: SpanRecord) => DedupedIds {
  const shared = sharedSpanIds(spans);
  const used = new Set(spans.map((span) => span.spanId));
  let next = 0n;
  const renamed = new Map<string, string>();
  for (const id of [...shared].sort()) {
    let candidate: string;
    do candidate = (++next).toString(16).padStart(16, "0");
    while (used.has(candidate));
    renamed.set(id, candidate);
  }
  return (span) =>
    isSharedServerHalf(span, shared)
      ? { spanId: renamed.get(span.spanId)!, parentSpanId: span.spanId }
      : { spanId: span.spanId, parentSpanId: span.parentSpanId && (renamed.get(span.parentSpanId) ?? span.parentSpanId) };
}
