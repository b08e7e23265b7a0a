import "server-only";
import { clientAddress, trustedProxies } from "@/lib/security/client-address";
import { ingestConfig } from "./ingest-config";
import { asIngestError, IngestError } from "./ingest-errors";
import { ingestBody } from "./ingest-body";
import { type IngestFormat, mediaTypeOf } from "./ingest-format";
import { readIngestBody } from "./read-ingest-body";

/**
 * The client a rate limit applies to: the TCP peer, or the address a trusted proxy
 * (TRACEBOARD_TRUSTED_PROXIES) says it forwarded for. A forged X-Forwarded-For does not
 * give a client a fresh bucket.
 */
function clientOf(request: Request): string {
  return clientAddress(request.headers, trustedProxies()) ?? "unknown";
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
    if (!format.mediaTypes.includes(mediaType)) {
      throw new IngestError(415, `Unsupported Content-Type "${mediaType || "(none)"}"; send ${format.mediaTypes.join(" or ")}`);
    }
    const body = await readIngestBody(request, ingestConfig().maxBodyBytes);
    return format.accepted(await ingestBody(body, mediaType, format, clientOf(request)), answerType);
  } catch (error) {
    const refused = asIngestError(error);
    if (!refused) throw error;
    const headers = new Headers();
    if (refused.retryAfterSeconds !== undefined) headers.set("Retry-After", String(refused.retryAfterSeconds));
    return format.refused(refused.status, refused.message, answerType, headers);
  }
}
