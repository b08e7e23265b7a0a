import { Field, Type } from "protobufjs";

/** google.rpc.Code for each HTTP status ingest answers with (OTLP/HTTP maps errors to Status). */
export const GRPC_CODE_FOR_HTTP: Record<number, number> = {
  400: 3, // INVALID_ARGUMENT
  401: 16, // UNAUTHENTICATED
  413: 3,
  415: 3,
  429: 8, // RESOURCE_EXHAUSTED
  503: 14, // UNAVAILABLE
};

/** google.rpc.Status (code = 1, message = 2), built by reflection: the OTLP root does not carry it. */
const Status = new Type("Status").add(new Field("code", 1, "int32")).add(new Field("message", 2, "string"));

export function encodeGrpcStatus(httpStatus: number, message: string): Uint8Array {
  return Status.encode({ code: GRPC_CODE_FOR_HTTP[httpStatus] ?? 2, message }).finish();
}
