import { errorCodeForStatus, errorResponse } from "@/lib/api/errors";
import { decodeBody } from "../decode-thread";
import type { IngestFormat } from "../ingest-format";
import { nothingAcceptedResponse } from "./nothing-accepted";

/** Traceboard's native JSON batch (`POST /api/tracing/spans`): 202 with what was accepted and rejected; 400 when nothing was. */
export const nativeFormat: IngestFormat = {
  mediaTypes: ["application/json"],
  decode: (body, mediaType, limits) => decodeBody("native", body, mediaType, limits),
  accepted: (outcome) => nothingAcceptedResponse(outcome) ?? Response.json(outcome, { status: 202 }),
  refused: (status, message, _mediaType, headers) => errorResponse(errorCodeForStatus(status), message, undefined, { headers }),
};
