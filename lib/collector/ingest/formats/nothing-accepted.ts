import { errorResponse } from "@/lib/api/errors";
import type { IngestOutcome } from "../ingest-format";

/** A request whose every span was rejected is a bad request (400 with the reasons and counts), not an acceptance. */
export function nothingAcceptedResponse(outcome: IngestOutcome): Response | null {
  if (outcome.accepted > 0 || outcome.rejected === 0) return null;
  return errorResponse("bad_request", `Every span was rejected: ${outcome.errors.join("; ")}`, outcome);
}
