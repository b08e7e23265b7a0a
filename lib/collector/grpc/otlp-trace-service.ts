import "server-only";
import { status as GrpcCode, type Metadata, type sendUnaryData, type ServerUnaryCall, type ServiceDefinition } from "@grpc/grpc-js";
import { accessDenial } from "@/lib/security/route-access";
import { otlpFormat } from "../ingest/formats/otlp-format";
import { ingestBody } from "../ingest/ingest-body";
import { ingestConfig } from "../ingest/ingest-config";
import { asIngestError, IngestError } from "../ingest/ingest-errors";
import type { IngestOutcome } from "../ingest/ingest-format";
import { ExportTraceServiceResponse } from "../wire/otlp-proto";
import { grpcRefusal } from "./grpc-errors";

const PROTOBUF = "application/x-protobuf";

/**
 * TraceService/Export with the message bytes passed through unparsed: the body then goes
 * through the same decoder as an OTLP/HTTP protobuf body (lib/collector/wire/otlp-proto.ts),
 * on the decode thread when large, so HTTP and gRPC read OTLP by one schema.
 */
export const TRACE_SERVICE: ServiceDefinition = {
  Export: {
    path: "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
    requestStream: false,
    responseStream: false,
    requestSerialize: (body: Buffer) => body,
    requestDeserialize: (bytes: Buffer) => bytes,
    responseSerialize: (answer: Uint8Array) => Buffer.from(answer),
    responseDeserialize: (bytes: Buffer) => bytes,
  },
};

/** The address of a gRPC peer (`ipv4:1.2.3.4:5`, `1.2.3.4:5`, `[::1]:5`; a unix socket as is), for the per-client rate limit. */
export function peerAddress(peer: string): string {
  if (peer.startsWith("unix:")) return peer;
  const address = peer.replace(/^ipv[46]:/, "");
  if (address.startsWith("[")) return address.slice(1, address.indexOf("]"));
  const colon = address.lastIndexOf(":");
  return colon > 0 && address.indexOf(":") === colon ? address.slice(0, colon) : address;
}

/** The ingest token, when set, as `authorization: Bearer <token>` metadata (as OTLP exporters send headers). */
function authorizationHeaders(metadata: Metadata): Headers {
  const headers = new Headers();
  const [authorization] = metadata.get("authorization");
  if (typeof authorization === "string") headers.set("authorization", authorization);
  return headers;
}

function exportResponse({ rejected, errors }: IngestOutcome): Uint8Array {
  return ExportTraceServiceResponse.encode(rejected === 0 ? {} : { partialSuccess: { rejectedSpans: rejected, errorMessage: errors.join("; ") } }).finish();
}

async function exportTraces(call: ServerUnaryCall<Buffer, Uint8Array>, callback: sendUnaryData<Uint8Array>): Promise<void> {
  const denial = accessDenial("ingest", authorizationHeaders(call.metadata));
  if (denial) return callback({ code: GrpcCode.UNAUTHENTICATED, details: denial.message });
  try {
    // grpc-js bounds the message as sent; a gzip message is bounded again once inflated.
    const { maxBodyBytes } = ingestConfig();
    if (call.request.length > maxBodyBytes) {
      throw new IngestError(413, `Message of ${call.request.length} bytes (decompressed) exceeds TRACEBOARD_MAX_BODY_BYTES (${maxBodyBytes})`);
    }
    callback(null, exportResponse(await ingestBody(call.request, PROTOBUF, otlpFormat, peerAddress(call.getPeer()))));
  } catch (error) {
    const refused = asIngestError(error);
    if (refused) return callback(grpcRefusal(refused));
    console.error(`[traceboard] OTLP/gRPC export failed: ${(error as Error).message}`);
    callback({ code: GrpcCode.INTERNAL, details: "Internal error while storing the spans" });
  }
}

export const traceServiceHandlers = {
  Export: (call: ServerUnaryCall<Buffer, Uint8Array>, callback: sendUnaryData<Uint8Array>) => void exportTraces(call, callback),
};
