import { randomBytes } from "node:crypto";
import { Client, credentials } from "@grpc/grpc-js";
import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-grpc";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { expect, test } from "@playwright/test";
import { HealthCheckRequest, HealthCheckResponse } from "../../lib/collector/wire/grpc-proto";

/** The production server's OTLP/gRPC receiver, started by its lifecycle on the port playwright.config.ts chose. */
const GRPC_URL = `http://127.0.0.1:${process.env.E2E_GRPC_PORT}`;

test.describe("OTLP/gRPC ingest into the production server", () => {
  test("an OpenTelemetry SDK exporting over gRPC (gzip) finds its trace in the API", async ({ request }) => {
    const service = `grpc-e2e-${randomBytes(3).toString("hex")}`;
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": service }), spanProcessors: [new SimpleSpanProcessor(memory)] });
    const tracer = provider.getTracer("e2e-grpc", "1.0.0");
    const root = tracer.startSpan("GET /orders", { kind: SpanKind.SERVER, attributes: { "http.request.method": "GET" } });
    const child = tracer.startSpan("SELECT orders", { kind: SpanKind.CLIENT }, trace.setSpan(context.active(), root));
    child.setStatus({ code: SpanStatusCode.ERROR, message: "timeout" });
    child.end();
    root.end();
    // As an app configured by OTEL_EXPORTER_OTLP_TRACES_COMPRESSION would send: gzip.
    process.env.OTEL_EXPORTER_OTLP_TRACES_COMPRESSION = "gzip";
    const exporter = new OTLPTraceExporter({ url: GRPC_URL });
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_COMPRESSION;
    const result = await new Promise<{ code: number; error?: Error }>((resolve) => exporter.export(memory.getFinishedSpans(), resolve));
    await exporter.shutdown();
    expect(result.code, String(result.error)).toBe(0);

    const traceId = root.spanContext().traceId;
    const answer = await request.get(`/api/tracing/traces/${traceId}`);
    expect(answer.status()).toBe(200);
    const detail = (await answer.json()) as { spans: Array<{ name: string; serviceName?: string; service?: string; statusCode?: number }> };
    expect(detail.spans.map((span) => span.name).sort()).toEqual(["GET /orders", "SELECT orders"]);
  });

  test("grpc.health.v1.Health/Check answers SERVING", async () => {
    const client = new Client(GRPC_URL.replace("http://", ""), credentials.createInsecure());
    const status = await new Promise<string>((resolve, reject) => {
      client.makeUnaryRequest(
        "/grpc.health.v1.Health/Check",
        (message: Uint8Array) => Buffer.from(message),
        (bytes: Buffer) => bytes,
        HealthCheckRequest.encode({ service: "" }).finish(),
        (error, body) => {
          client.close();
          if (error) reject(error);
          else resolve((HealthCheckResponse.toObject(HealthCheckResponse.decode(body!), { enums: String }) as { status: string }).status);
        },
      );
    });
    expect(status).toBe("SERVING");
  });
});
