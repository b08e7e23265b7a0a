import type { NormalizedBatch } from "@/lib/domain/span-record";
import type { NormalizeLimits } from "../normalize";

/** What became of a request's spans: stored, and rejected with the distinct reasons. */
export interface IngestOutcome {
  accepted: number;
  rejected: number;
  errors: string[];
}

/** How one wire format is read from a body and answered. */
export interface IngestFormat {
  /** Media types this format reads, lowercase, without parameters. */
  mediaTypes: readonly string[];
  /** Decodes and normalizes a body within `limits`; rejects a malformed document or one over the limits. */
  decode(body: Buffer, mediaType: string, limits: NormalizeLimits): Promise<NormalizedBatch>;
  /** The answer once every accepted span is committed. */
  accepted(outcome: IngestOutcome, mediaType: string): Response;
  /** The answer to a refused request, in the format's own error shape. */
  refused(status: number, message: string, mediaType: string, headers: Headers): Response;
}

/** The media type of a Content-Type header, lowercase and without parameters. */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}
