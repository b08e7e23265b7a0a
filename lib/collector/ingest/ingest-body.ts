import "server-only";
import type { NormalizedBatch } from "@/lib/domain/span-record";
import { ingestConfig } from "./ingest-config";
import { IngestError } from "./ingest-errors";
import type { IngestFormat, IngestOutcome } from "./ingest-format";
import { ingestQueue, recordRejected, takeIngestRate } from "./ingest-service";

/**
 * Spans that repeat the ids of a stored span with other content were not stored (the
 * first version is kept): the answer counts them with the rejected ones and says why,
 * so a drop is never silent. A plain retry of the same spans is not one of them.
 */
function outcomeOf(batch: NormalizedBatch, conflicts: number): IngestOutcome {
  const outcome = { accepted: batch.spans.length - conflicts, rejected: batch.rejected + conflicts, errors: batch.errors };
  if (conflicts === 0) return outcome;
  const reason = `${conflicts} span${conflicts === 1 ? "" : "s"} repeat the ids of stored spans with other content; the first version is kept`;
  return { ...outcome, errors: [...batch.errors, reason] };
}

/**
 * One request's body through the pipeline every transport shares (OTLP/HTTP, Zipkin,
 * the native batch, OTLP/gRPC): decode and normalize within the limits, take the
 * client's rate, and wait until the spans are committed. Refusals throw (IngestError,
 * or a decoder's error that asIngestError maps); the transport answers in its own terms.
 */
export async function ingestBody(body: Buffer, mediaType: string, format: IngestFormat, client: string): Promise<IngestOutcome> {
  const batch = await format.decode(body, mediaType, ingestConfig().normalizeLimits);
  const rate = takeIngestRate(client, batch.spans.length);
  if (!rate.allowed) {
    throw new IngestError(429, "Ingest rate limit exceeded for this client (TRACEBOARD_INGEST_RATE_LIMIT); retry later", rate.retryAfterSeconds);
  }
  const { conflicts } = await ingestQueue().submit(batch.spans);
  // Counted once the request succeeds, so a client's retries after a 503 do not count twice.
  recordRejected(batch.rejected);
  return outcomeOf(batch, conflicts);
}
