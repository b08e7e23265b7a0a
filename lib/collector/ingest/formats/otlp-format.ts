import { ExportTraceServiceResponse } from "../../wire/otlp-proto";
import { decodeBody } from "../decode-thread";
import type { IngestFormat, IngestOutcome } from "../ingest-format";
import { encodeGrpcStatus, GRPC_CODE_FOR_HTTP } from "./grpc-status";

const JSON_TYPE = "application/json";
const PROTOBUF_TYPES = ["application/x-protobuf", "application/protobuf"];

/** Full success carries no partialSuccess; rejected spans are counted with a message. */
function partialSuccess(outcome: IngestOutcome) {
  if (outcome.rejected === 0) return undefined;
  return { rejectedSpans: outcome.rejected, errorMessage: outcome.errors.join("; ") };
}

function protobufResponse(body: Uint8Array, status: number, headers: Headers, mediaType: string): Response {
  headers.set("Content-Type", mediaType);
  return new Response(Buffer.from(body), { status, headers });
}

/** OTLP/HTTP (`POST /v1/traces`): JSON or protobuf, answered in the request's own content type. */
export const otlpFormat: IngestFormat = {
  mediaTypes: [JSON_TYPE, ...PROTOBUF_TYPES],

  decode: (body, mediaType, limits) => decodeBody("otlp", body, mediaType, limits),

  accepted(outcome, mediaType) {
    const partial = partialSuccess(outcome);
    if (mediaType === JSON_TYPE) {
      return Response.json(partial ? { partialSuccess: { ...partial, rejectedSpans: String(partial.rejectedSpans) } } : {});
    }
    const body = ExportTraceServiceResponse.encode(partial ? { partialSuccess: partial } : {}).finish();
    return protobufResponse(body, 200, new Headers(), mediaType);
  },

  refused(status, message, mediaType, headers) {
    if (mediaType === JSON_TYPE) {
      return Response.json({ code: GRPC_CODE_FOR_HTTP[status] ?? 2, message }, { status, headers });
    }
    return protobufResponse(encodeGrpcStatus(status, message), status, headers, mediaType);
  },
};
