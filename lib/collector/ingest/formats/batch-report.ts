import type { NormalizedBatch } from "@/lib/domain/span-record";
import { errorResponse } from "@/lib/api/errors";

/** What a JSON ingest answer says of a batch: every drop is reported, never silent. */
export function batchReport(batch: NormalizedBatch) {
  return { accepted: batch.spans.length, rejected: batch.rejected, errors: batch.errors };
}

/** A batch whose every span was rejected is a bad request (400 with the reasons), not an acceptance. */
export function nothingAcceptedResponse(batch: NormalizedBatch): Response | null {
  if (batch.spans.length > 0 || batch.rejected === 0) return null;
  return errorResponse("bad_request", `Every span was rejected: ${batch.errors.join("; ")}`, batchReport(batch));
}
