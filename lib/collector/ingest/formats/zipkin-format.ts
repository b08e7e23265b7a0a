import { errorCodeForStatus, errorResponse } from "@/lib/api/errors";
import { decodeBody } from "../decode-thread";
import type { IngestFormat } from "../ingest-format";
import { nothingAcceptedResponse } from "./nothing-accepted";

/**
 * Zipkin v2 JSON (`POST /api/v2/spans`): 202 with no body as Zipkin answers when every
 * span was taken; when some were rejected, 202 with what was (Zipkin reporters ignore
 * the body); when none was taken, 400 with the reasons.
 */
export const zipkinFormat: IngestFormat = {
  mediaTypes: ["application/json"],
  decode: (body, mediaType, limits) => decodeBody("zipkin", body, mediaType, limits),
  accepted: (outcome) =>
    nothingAcceptedResponse(outcome) ?? (outcome.rejected > 0 ? Response.json(outcome, { status: 202 }) : new Response(null, { status: 202 })),
  refused: (status, message, _mediaType, headers) => errorResponse(errorCodeForStatus(status), message, undefined, { headers }),
};
