import "server-only";
import { status as GrpcCode, type sendUnaryData, type ServerUnaryCall, type ServiceDefinition } from "@grpc/grpc-js";
import { checkDatabase } from "@/lib/store/check-database";
import { HealthCheckRequest, HealthCheckResponse } from "../wire/grpc-proto";

const SERVING = 1;
const NOT_SERVING = 2;
/** The services this server answers for: "" is the server as a whole, as the protocol defines. */
const KNOWN_SERVICES = new Set(["", "opentelemetry.proto.collector.trace.v1.TraceService"]);

/** grpc.health.v1.Health/Check (the gRPC health checking protocol): SERVING while the database answers. */
export const HEALTH_SERVICE: ServiceDefinition = {
  Check: {
    path: "/grpc.health.v1.Health/Check",
    requestStream: false,
    responseStream: false,
    requestSerialize: (request: { service: string }) => Buffer.from(HealthCheckRequest.encode(request).finish()),
    requestDeserialize: (bytes: Buffer) => HealthCheckRequest.toObject(HealthCheckRequest.decode(bytes), { defaults: true }) as { service: string },
    responseSerialize: (answer: { status: number }) => Buffer.from(HealthCheckResponse.encode(answer).finish()),
    responseDeserialize: (bytes: Buffer) => HealthCheckResponse.toObject(HealthCheckResponse.decode(bytes), { enums: Number }) as { status: number },
  },
};

async function check(call: ServerUnaryCall<{ service: string }, { status: number }>, callback: sendUnaryData<{ status: number }>): Promise<void> {
  if (!KNOWN_SERVICES.has(call.request.service)) return callback({ code: GrpcCode.NOT_FOUND, details: `Unknown service "${call.request.service}"` });
  const { ok } = await checkDatabase();
  callback(null, { status: ok ? SERVING : NOT_SERVING });
}

export const healthHandlers = {
  Check: (call: ServerUnaryCall<{ service: string }, { status: number }>, callback: sendUnaryData<{ status: number }>) => void check(call, callback),
};
