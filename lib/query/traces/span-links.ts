import "server-only";
import type { SpanLinks } from "@/lib/api/contracts/span-links";
import { tracesLinkingTo } from "@/lib/store/read/link-candidates";
import { readLinkingSpansOf, readSpansByIds } from "@/lib/store/read/link-spans";
import { incomingLinks, outgoingLinks } from "./span-link-entries";

/**
 * A stored span's links both ways: the spans it links to (primary-key lookups) and the
 * spans linking to it (the attribute index's link tokens, then the candidate traces'
 * spans with links). Null when the span is not stored.
 */
export async function getSpanLinks(traceId: string, spanId: string): Promise<SpanLinks | null> {
  const [span] = await readSpansByIds([{ traceId, spanId }]);
  if (!span) return null;
  const [targets, candidates] = await Promise.all([readSpansByIds(span.links), tracesLinkingTo(traceId, spanId)]);
  const linking = await readLinkingSpansOf(candidates.traceIds);
  return {
    links: outgoingLinks(span.links, targets),
    linkedFrom: incomingLinks(linking, { traceId, spanId }),
    linkedFromComplete: candidates.complete,
  };
}
