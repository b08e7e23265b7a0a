import { normalizeZipkinSpans, parseJsonExact } from "../../normalize";
import { errorCodeForStatus, errorResponse } from "@/lib/api/errors";
import type { IngestFormat } from "../ingest-format";

/** Zipkin v2 JSON (`POST /api/v2/spans`), answered 202 with no body as Zipkin does. */
export const zipkinFormat: IngestFormat = {
  mediaTypes: ["application/json"],
  decode: (body) => normalizeZipkinSpans(parseJsonExact(body.toString("utf8"))),
  accepted: () => new Response(null, { status: 202 }),
  refused: (status, message, _mediaType, headers) => errorResponse(errorCodeForStatus(status), message, undefined, { headers }),
};
