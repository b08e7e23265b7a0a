import { RpcStatus } from "../../wire/grpc-proto";

/** google.rpc.Code for each HTTP status ingest answers with (OTLP/HTTP maps errors to Status). */
export const GRPC_CODE_FOR_HTTP: Record<number, number> = {
  400: 3, // INVALID_ARGUMENT
  401: 16, // UNAUTHENTICATED
  413: 3,
  415: 3,
  429: 8, // RESOURCE_EXHAUSTED
  503: 14, // UNAVAILABLE
};

export function encodeGrpcStatus(httpStatus: number, message: string): Uint8Array {
  return RpcStatus.encode({ code: GRPC_CODE_FOR_HTTP[httpStatus] ?? 2, message }).finish();
}
