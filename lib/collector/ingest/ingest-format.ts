import type { NormalizedBatch } from "@/lib/domain/span-record";
import type { NormalizeLimits } from "../normalize";

/** How one wire format is read from a body and answered. */
export interface IngestFormat {
  /** Media types this format reads, lowercase, without parameters. */
  mediaTypes: readonly string[];
  /** Decodes and normalizes a body within `limits`; throws on a malformed document or one over the limits. */
  decode(body: Buffer, mediaType: string, limits: NormalizeLimits): NormalizedBatch;
  /** The answer once every accepted span is committed. */
  accepted(batch: NormalizedBatch, mediaType: string): Response;
  /** The answer to a refused request, in the format's own error shape. */
  refused(status: number, message: string, mediaType: string, headers: Headers): Response;
}

/** The media type of a Content-Type header, lowercase and without parameters. */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}
