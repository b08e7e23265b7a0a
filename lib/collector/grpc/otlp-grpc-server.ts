import "server-only";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { ingestConfig } from "../ingest/ingest-config";
import { loadGrpcConfig, type GrpcConfig } from "./grpc-config";
import { HEALTH_SERVICE, healthHandlers } from "./health-service";
import { TRACE_SERVICE, traceServiceHandlers } from "./otlp-trace-service";

/** How long a stop waits for exports in flight (each waits for its commit) before closing their streams. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface OtlpGrpcServer {
  port: number;
  /** Stops accepting calls and resolves once the calls in flight are answered (or the drain timed out). */
  stop(): Promise<void>;
}

function listenAddress({ host }: GrpcConfig, port: number): string {
  return `${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}`;
}

/**
 * The OTLP/gRPC receiver (TraceService/Export, and grpc.health.v1.Health), in the Next.js
 * server's own process so it shares the ingest queue and its commit guarantee; null when
 * TRACEBOARD_OTLP_GRPC_PORT is 0. Messages above the ingest body limit are refused by
 * grpc-js itself with RESOURCE_EXHAUSTED; gzip-compressed messages are inflated by it.
 */
export async function startOtlpGrpcServer(config: GrpcConfig = loadGrpcConfig()): Promise<OtlpGrpcServer | null> {
  if (config.port === null) return null;
  const server = new Server({ "grpc.max_receive_message_length": ingestConfig().maxBodyBytes });
  server.addService(TRACE_SERVICE, traceServiceHandlers);
  server.addService(HEALTH_SERVICE, healthHandlers);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(listenAddress(config, config.port!), ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, DRAIN_TIMEOUT_MS);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
