import { BodyReadError, readBoundedBody } from "@/lib/api/read-bounded-body";
import { IngestError } from "./ingest-errors";

/**
 * The request body, decompressed per Content-Encoding (gzip, deflate or none), read
 * with the shared bounded reader: the limit applies to the decompressed size, and
 * inflation (asynchronous, off the event loop) stops at the limit, so a gzip bomb is
 * refused without being inflated, or even read, in full.
 */
export async function readIngestBody(request: Request, maxBytes: number): Promise<Buffer> {
  try {
    return await readBoundedBody(request, { maxBytes, setting: "TRACEBOARD_MAX_BODY_BYTES" });
  } catch (error) {
    if (error instanceof BodyReadError) throw new IngestError(error.status, error.message);
    throw error;
  }
}
