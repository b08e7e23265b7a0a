import { Root, type INamespace } from "protobufjs";

/**
 * The gRPC-side messages the OTLP receiver speaks besides OTLP itself, owned by this
 * project like otlp-proto.ts: google.rpc.Status with its `details` (google/rpc/status.proto),
 * google.protobuf.Any and Duration, google.rpc.RetryInfo (google/rpc/error_details.proto),
 * and the gRPC health checking protocol's request and answer (grpc/health/v1/health.proto).
 * Field numbers and types are theirs.
 */
const schema: INamespace = {
  nested: {
    google: {
      nested: {
        protobuf: {
          nested: {
            Any: { fields: { typeUrl: { type: "string", id: 1 }, value: { type: "bytes", id: 2 } } },
            Duration: { fields: { seconds: { type: "int64", id: 1 }, nanos: { type: "int32", id: 2 } } },
          },
        },
        rpc: {
          nested: {
            Status: {
              fields: {
                code: { type: "int32", id: 1 },
                message: { type: "string", id: 2 },
                details: { rule: "repeated", type: "google.protobuf.Any", id: 3 },
              },
            },
            RetryInfo: { fields: { retryDelay: { type: "google.protobuf.Duration", id: 1 } } },
          },
        },
      },
    },
    grpc: {
      nested: {
        health: {
          nested: {
            v1: {
              nested: {
                HealthCheckRequest: { fields: { service: { type: "string", id: 1 } } },
                HealthCheckResponse: {
                  fields: { status: { type: "ServingStatus", id: 1 } },
                  nested: { ServingStatus: { values: { UNKNOWN: 0, SERVING: 1, NOT_SERVING: 2, SERVICE_UNKNOWN: 3 } } },
                },
              },
            },
          },
        },
      },
    },
  },
};

const root = Root.fromJSON(schema);

export const RpcStatus = root.lookupType("google.rpc.Status");
export const RetryInfo = root.lookupType("google.rpc.RetryInfo");
export const HealthCheckRequest = root.lookupType("grpc.health.v1.HealthCheckRequest");
export const HealthCheckResponse = root.lookupType("grpc.health.v1.HealthCheckResponse");

/** The type URL an Any carries for a RetryInfo detail, as gRPC clients look it up. */
export const RETRY_INFO_TYPE_URL = "type.googleapis.com/google.rpc.RetryInfo";
