import type { LinkedSpan, SpanLinks } from "@/lib/api/contracts/span-links";
import { nanosToMillis } from "@/lib/domain/time-units";
import type { SpanLink } from "@/lib/domain/span-record";
import type { LinkSpan, SpanIds } from "@/lib/store/read/link-spans";

const idsKey = ({ traceId, spanId }: SpanIds) => `${traceId}/${spanId}`;

function linkedSpan(span: LinkSpan): LinkedSpan {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    serviceName: span.serviceName,
    name: span.name,
    startTimeUnixNano: span.startTimeNs.toString(),
    durationMs: nanosToMillis(span.endTimeNs - span.startTimeNs),
  };
}

/** A span's links, each with the stored span it points at (one of `targets`) or null. */
export function outgoingLinks(links: readonly SpanLink[], targets: readonly LinkSpan[]): SpanLinks["links"] {
  const byIds = new Map(targets.map((span) => [idsKey(span), span]));
  return links.map((link) => {
    const target = byIds.get(idsKey(link));
    return { traceId: link.traceId, spanId: link.spanId, traceState: link.traceState, attributes: link.attributes, span: target ? linkedSpan(target) : null };
  });
}

/**
 * The links among `candidates` (spans the index says may link to `target`) that point
 * at `target`, one entry per link, by the linking span's start (then ids).
 */
export function incomingLinks(candidates: readonly LinkSpan[], target: SpanIds): SpanLinks["linkedFrom"] {
  const key = idsKey(target);
  const entries = candidates.flatMap((span) =>
    span.links.filter((link) => idsKey(link) === key).map((link) => ({ span, link })),
  );
  entries.sort((a, b) => (a.span.startTimeNs === b.span.startTimeNs ? (idsKey(a.span) < idsKey(b.span) ? -1 : 1) : a.span.startTimeNs < b.span.startTimeNs ? -1 : 1));
  return entries.map(({ span, link }) => ({ ...linkedSpan(span), traceState: link.traceState, attributes: link.attributes }));
}
