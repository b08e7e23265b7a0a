import { Metadata, status as GrpcCode, type ServiceError } from "@grpc/grpc-js";
import { RETRY_INFO_TYPE_URL, RetryInfo, RpcStatus } from "../wire/grpc-proto";
import type { IngestError } from "../ingest/ingest-errors";

/**
 * An ingest refusal in gRPC's terms, as the OTLP specification asks of a receiver: a
 * malformed request is INVALID_ARGUMENT; too many spans RESOURCE_EXHAUSTED without
 * RetryInfo (retrying cannot help); the client's rate limit RESOURCE_EXHAUSTED and a full
 * queue or unavailable store UNAVAILABLE, both with RetryInfo, which exporters read as
 * "retry after this delay".
 */
export function grpcRefusal(refused: IngestError): Partial<ServiceError> {
  switch (refused.status) {
    case 429:
      return withDetails(GrpcCode.RESOURCE_EXHAUSTED, refused.message, refused.retryAfterSeconds);
    case 503:
      return withDetails(GrpcCode.UNAVAILABLE, refused.message, refused.retryAfterSeconds);
    case 413:
      return { code: GrpcCode.RESOURCE_EXHAUSTED, details: refused.message };
    default:
      return { code: GrpcCode.INVALID_ARGUMENT, details: refused.message };
  }
}

/** The status with a google.rpc.Status in `grpc-status-details-bin`, carrying RetryInfo when a delay is known. */
function withDetails(code: GrpcCode, message: string, retryAfterSeconds: number | undefined): Partial<ServiceError> {
  const details =
    retryAfterSeconds === undefined
      ? []
      : [{ typeUrl: RETRY_INFO_TYPE_URL, value: RetryInfo.encode({ retryDelay: { seconds: retryAfterSeconds, nanos: 0 } }).finish() }];
  const metadata = new Metadata();
  metadata.set("grpc-status-details-bin", Buffer.from(RpcStatus.encode({ code, message, details }).finish()));
  return { code, details: message, metadata };
}
