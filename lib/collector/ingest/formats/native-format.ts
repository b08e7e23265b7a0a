import { normalizeNativeBatch, parseJsonExact } from "../../normalize";
import { errorCodeForStatus, errorResponse } from "@/lib/api/errors";
import type { IngestFormat } from "../ingest-format";

/** Traceboard's native JSON batch (`POST /api/tracing/spans`): 202 with what was accepted and rejected. */
export const nativeFormat: IngestFormat = {
  mediaTypes: ["application/json"],
  decode: (body) => normalizeNativeBatch(parseJsonExact(body.toString("utf8"))),
  accepted: (batch) =>
    Response.json({ accepted: batch.spans.length, rejected: batch.rejected, errors: batch.errors }, { status: 202 }),
  refused: (status, message, _mediaType, headers) => errorResponse(errorCodeForStatus(status), message, undefined, { headers }),
};
