// How the ingest benchmarks send a body: OTLP/HTTP JSON or protobuf on keep-alive
// sockets, or OTLP/gRPC on its own HTTP/2 connections, each answering in one shape the
// load loop counts (ingest-load.ts). The body of a recipe is made per request, a few
// microseconds of patching (otlp-bodies.ts), so the sender stays mostly idle.
import http from "node:http";
import { Client, credentials, status as GrpcCode, type Metadata } from "@grpc/grpc-js";
import { RETRY_INFO_TYPE_URL, RetryInfo, RpcStatus } from "@/lib/collector/wire/grpc-proto";
import { ExportTraceServiceResponse } from "@/lib/collector/wire/otlp-proto";
import { acceptedSpans, post } from "./ingest-load";
import type { BodyRecipe, OtlpBodySource } from "./otlp-bodies";

export type TransportName = "otlp-http-json" | "otlp-http-protobuf" | "otlp-grpc";

/**
 * A sent body's answer: acknowledged (with the spans the server rejected), refused for now
 * (503, or UNAVAILABLE; with the delay Retry-After or RetryInfo asked for, null without
 * one), or failed (`message` starts with the HTTP status or the gRPC code).
 */
export type SendResult =
  | { kind: "acknowledged"; rejectedSpans: number }
  | { kind: "refused"; retryAfterSeconds: number | null }
  | { kind: "failed"; message: string };

export interface IngestTransport {
  name: TransportName;
  /** What the table calls it. */
  label: string;
  send(recipe: BodyRecipe, client: number): Promise<SendResult>;
  close(): void;
}

const EXPORT = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
const REQUEST_DEADLINE_MS = 60_000;

function overHttp(name: TransportName, label: string, url: URL, clients: number, contentType: string, body: (recipe: BodyRecipe) => Buffer): IngestTransport {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  return {
    name,
    label,
    async send(recipe) {
      const answer = await post(agent, url, body(recipe), { "content-type": contentType });
      if (answer.status >= 200 && answer.status < 300) {
        const rejected = contentType === "application/json" ? acceptedSpans(0, answer.body).rejected : protobufRejected(answer.bytes);
        return { kind: "acknowledged", rejectedSpans: rejected };
      }
      if (answer.status === 503) return { kind: "refused", retryAfterSeconds: answer.retryAfter === null ? null : Number(answer.retryAfter) };
      return { kind: "failed", message: `HTTP ${answer.status}: ${answer.body.slice(0, 200)}` };
    },
    close: () => agent.destroy(),
  };
}

/** The RetryInfo delay of a gRPC error's google.rpc.Status details (seconds), or null without one; a dropped connection has none. */
function retryDelaySeconds(metadata: Metadata): number | null {
  const [details] = metadata.get("grpc-status-details-bin") as Buffer[];
  if (!details) return null;
  const status = RpcStatus.toObject(RpcStatus.decode(details), { longs: Number }) as { details?: Array<{ typeUrl: string; value: Uint8Array }> };
  const retry = status.details?.find((detail) => detail.typeUrl === RETRY_INFO_TYPE_URL);
  if (!retry) return null;
  return (RetryInfo.toObject(RetryInfo.decode(retry.value), { longs: Number }) as { retryDelay?: { seconds?: number } }).retryDelay?.seconds ?? null;
}

function protobufRejected(body: Uint8Array): number {
  const answer = ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.decode(body), { longs: Number }) as { partialSuccess?: { rejectedSpans?: number } };
  return answer.partialSuccess?.rejectedSpans ?? 0;
}

export function otlpHttpJson(source: OtlpBodySource, url: URL, clients: number): IngestTransport {
  return overHttp("otlp-http-json", "OTLP/HTTP JSON POST /v1/traces", url, clients, "application/json", (recipe) => source.body(recipe));
}

export function otlpHttpProtobuf(source: OtlpBodySource, url: URL, clients: number): IngestTransport {
  return overHttp("otlp-http-protobuf", "OTLP/HTTP protobuf POST /v1/traces", url, clients, "application/x-protobuf", (recipe) => source.protobufBody(recipe));
}

/** One channel per client (a local subchannel pool each), as separate exporters would connect. */
export function otlpGrpc(source: OtlpBodySource, address: string, clients: number): IngestTransport {
  const channels = Array.from({ length: clients }, () => new Client(address, credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 }));
  return {
    name: "otlp-grpc",
    label: "OTLP/gRPC TraceService/Export",
    send(recipe, client) {
      return new Promise((resolve) => {
        channels[client % channels.length].makeUnaryRequest(
          EXPORT,
          (body: Buffer) => body,
          (bytes: Buffer) => bytes,
          source.protobufBody(recipe),
          { deadline: Date.now() + REQUEST_DEADLINE_MS },
          (error, answer) => {
            if (!error) resolve({ kind: "acknowledged", rejectedSpans: protobufRejected(answer!) });
            else if (error.code === GrpcCode.UNAVAILABLE && retryDelaySeconds(error.metadata) !== null) {
              resolve({ kind: "refused", retryAfterSeconds: retryDelaySeconds(error.metadata) });
            } else resolve({ kind: "failed", message: `gRPC ${GrpcCode[error.code]}: ${error.details}` });
          },
        );
      });
    },
    close: () => channels.forEach((channel) => channel.close()),
  };
}

/** Several transports at once: client n sends through transport n mod k (as k kinds of exporters would). */
export function mixedTransports(transports: readonly IngestTransport[]): IngestTransport {
  return {
    name: transports[0].name,
    label: transports.map((transport) => transport.label).join(" + "),
    send: (recipe, client) => transports[client % transports.length].send(recipe, Math.floor(client / transports.length)),
    close: () => transports.forEach((transport) => transport.close()),
  };
}
