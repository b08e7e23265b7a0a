import "server-only";
import { clientAddress, trustedProxies } from "@/lib/security/client-address";
import { ingestConfig } from "./ingest-config";
import { asIngestError, IngestError } from "./ingest-errors";
import { type IngestFormat, type IngestOutcome, mediaTypeOf } from "./ingest-format";
import { ingestQueue, recordRejected, takeIngestRate } from "./ingest-service";
import { readIngestBody } from "./read-ingest-body";
import type { NormalizedBatch } from "@/lib/domain/span-record";

/**
 * The client a rate limit applies to: the TCP peer, or the address a trusted proxy
 * (TRACEBOARD_TRUSTED_PROXIES) says it forwarded for. A forged X-Forwarded-For does not
 * give a client a fresh bucket.
 */
function clientOf(request: Request): string {
  return clientAddress(request.headers, trustedProxies()) ?? "unknown";
}

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

/** The media type of the answer: the request's when the format reads it, else the format's first. */
export function answerMediaType(request: Request, format: IngestFormat): string {
  const mediaType = mediaTypeOf(request.headers.get("content-type"));
  return format.mediaTypes.includes(mediaType) ? mediaType : format.mediaTypes[0];
}

/**
 * One ingest request, whatever the wire format, once its access is checked
 * (lib/collector/ingest/ingest-route.ts): read (size limit, decompression), decode and
 * normalize, wait for the commit, answer. Bad input is a 4xx with a message; a full
 * queue or an unavailable store a 503 with Retry-After.
 */
export async function handleIngest(request: Request, format: IngestFormat): Promise<Response> {
  const mediaType = mediaTypeOf(request.headers.get("content-type"));
  const answerType = answerMediaType(request, format);
  try {
    const { maxBodyBytes, normalizeLimits } = ingestConfig();
    if (!format.mediaTypes.includes(mediaType)) {
      throw new IngestError(415, `Unsupported Content-Type "${mediaType || "(none)"}"; send ${format.mediaTypes.join(" or ")}`);
    }
    const body = await readIngestBody(request, maxBodyBytes);
    const batch = await format.decode(body, mediaType, normalizeLimits);
    const rate = takeIngestRate(clientOf(request), batch.spans.length);
    if (!rate.allowed) {
      throw new IngestError(429, "Ingest rate limit exceeded for this client (TRACEBOARD_INGEST_RATE_LIMIT); retry later", rate.retryAfterSeconds);
    }
    const { conflicts } = await ingestQueue().submit(batch.spans);
    // Counted once the request succeeds, so a client's retries after a 503 do not count twice.
    recordRejected(batch.rejected);
    return format.accepted(outcomeOf(batch, conflicts), answerType);
  } catch (error) {
    const refused = asIngestError(error);
    if (!refused) throw error;
    const headers = new Headers();
    if (refused.retryAfterSeconds !== undefined) headers.set("Retry-After", String(refused.retryAfterSeconds));
    return format.refused(refused.status, refused.message, answerType, headers);
  }
}
