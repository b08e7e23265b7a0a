import { context, SpanKind, SpanStatusCode, trace, type Attributes as OtelAttributes, type HrTime } from "@opentelemetry/api";
import { ExportResultCode, TraceState, type ExportResult } from "@opentelemetry/core";
import { OTLPTraceExporter as OtlpHttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OtlpHttpProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OTLPTraceExporter as OtlpGrpcExporter } from "@opentelemetry/exporter-trace-otlp-grpc";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { vi } from "vitest";
import type { Attributes } from "@/lib/domain/span-record";

/** 2025-01-02T03:04:05Z plus `nanos`, as an HrTime the SDK keeps exactly as given. */
const SECONDS = 1_735_787_045;
export function at(nanos: number): HrTime {
  return [SECONDS, nanos];
}

/** An SDK HrTime as exact unix nanoseconds. */
export function hrTimeToNs([seconds, nanos]: HrTime): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanos);
}

/** Attributes of every type the OpenTelemetry API allows, and how the store must keep each. */
export const EVERY_TYPE_ATTRIBUTES: OtelAttributes = {
  "str.unicode": "héllo ✓ 漢字",
  "str.empty": "",
  "int.positive": 42,
  "int.negative": -7,
  "int.max_safe": Number.MAX_SAFE_INTEGER,
  // 2^54 + 4: beyond 2^53, and JSON.stringify writes all of its digits (2^60 would print as ...847000).
  "int.beyond_safe": 2 ** 54 + 4,
  "double.quarter": 0.25,
  "double.tiny": -1.5e-7,
  "double.pi": Math.PI,
  "bool.true": true,
  "bool.false": false,
  "array.strings": ["a", "b", ""],
  "array.ints": [1, 2, 3],
  "array.doubles": [1.5, 2.25],
  "array.mixed_numbers": [1, 2.5],
  "array.bools": [true, false],
};
export const EVERY_TYPE_STORED: Attributes = {
  "str.unicode": "héllo ✓ 漢字",
  "str.empty": "",
  "int.positive": 42,
  "int.negative": -7,
  "int.max_safe": Number.MAX_SAFE_INTEGER,
  "int.beyond_safe": { int: "18014398509481988" },
  "double.quarter": { double: 0.25 },
  "double.tiny": { double: -1.5e-7 },
  "double.pi": { double: Math.PI },
  "bool.true": true,
  "bool.false": false,
  "array.strings": ["a", "b", ""],
  "array.ints": [1, 2, 3],
  "array.doubles": [{ double: 1.5 }, { double: 2.25 }],
  "array.mixed_numbers": [1, { double: 2.5 }],
  "array.bools": [true, false],
};

export const LINKED = { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceState: "vendor=linked" };
export const INCOMING_TRACESTATE = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";

export interface ShopTrace {
  spans: ReadableSpan[];
  byName(name: string): ReadableSpan;
  traceId: string;
}

function provider(serviceName: string, exporter: InMemorySpanExporter): NodeTracerProvider {
  return new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName, "service.version": "2.1.0", "deployment.environment.name": "test" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
}

/**
 * One checkout request through the real SDK (NodeTracerProvider), two services:
 *
 *   checkout  POST /checkout (SERVER, OK, every attribute type)
 *   checkout    SELECT orders (CLIENT, ERROR, exception event, link with tracestate)
 *   checkout      orders.serialize (INTERNAL, SDK clock times, event at SDK time)
 *   checkout    orders publish (PRODUCER)
 *   payments      charge (SERVER, remote parent = SELECT orders, with tracestate; ERROR)
 *   payments    orders process (CONSUMER, remote parent = orders publish, link to it)
 *
 * Times are explicit HrTimes with sub-microsecond digits except for orders.serialize.
 */
export async function buildShopTrace(): Promise<ShopTrace> {
  const exporter = new InMemorySpanExporter();
  const checkout = provider("checkout", exporter);
  const payments = provider("payments", exporter);
  const tracer = checkout.getTracer("checkout-lib", "1.4.0");
  const paymentsTracer = payments.getTracer("payments-lib", "0.9.1");

  const root = tracer.startSpan("POST /checkout", { kind: SpanKind.SERVER, startTime: at(123_456_789), attributes: EVERY_TYPE_ATTRIBUTES });
  const inRoot = trace.setSpan(context.active(), root);
  const client = tracer.startSpan(
    "SELECT orders",
    {
      kind: SpanKind.CLIENT,
      startTime: at(200_000_001),
      attributes: { "db.system.name": "postgresql", "server.port": 5432 },
      links: [
        {
          context: { traceId: LINKED.traceId, spanId: LINKED.spanId, traceFlags: 1, traceState: new TraceState(LINKED.traceState) },
          attributes: { "link.reason": "retry-of", "link.attempt": 2 },
        },
      ],
    },
    inRoot,
  );
  client.addEvent("exception", { "exception.type": "TimeoutError", "exception.message": "query timed out", "retry.count": 2 }, at(250_000_003));
  const internal = tracer.startSpan("orders.serialize", { kind: SpanKind.INTERNAL }, trace.setSpan(context.active(), client));
  internal.addEvent("serialized", { bytes: 512 });
  internal.end();

  const remoteClient = trace.setSpanContext(context.active(), {
    ...client.spanContext(),
    isRemote: true,
    traceState: new TraceState(INCOMING_TRACESTATE),
  });
  const charge = paymentsTracer.startSpan("charge", { kind: SpanKind.SERVER, startTime: at(210_000_000) }, remoteClient);
  charge.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
  charge.end(at(240_000_999));

  client.setStatus({ code: SpanStatusCode.ERROR, message: "query timed out" });
  client.end(at(300_000_002));

  const producer = tracer.startSpan("orders publish", { kind: SpanKind.PRODUCER, startTime: at(400_000_000) }, inRoot);
  producer.end(at(400_500_000));
  const consumer = paymentsTracer.startSpan(
    "orders process",
    { kind: SpanKind.CONSUMER, startTime: at(600_000_000), links: [{ context: producer.spanContext() }] },
    trace.setSpanContext(context.active(), { ...producer.spanContext(), isRemote: true }),
  );
  consumer.end(at(700_000_007));

  root.setStatus({ code: SpanStatusCode.OK });
  root.end(at(987_654_321));
  await Promise.all([checkout.forceFlush(), payments.forceFlush()]);
  const spans = exporter.getFinishedSpans();
  await Promise.all([checkout.shutdown(), payments.shutdown()]);
  const byName = (name: string) => {
    const span = spans.find((candidate) => candidate.name === name);
    if (!span) throw new Error(`no span named ${name}`);
    return span;
  };
  return { spans, byName, traceId: root.spanContext().traceId };
}

export type ExporterKind = "json" | "protobuf" | "grpc";

const EXPORTERS: Record<ExporterKind, new (config: { url: string }) => SpanExporter> = {
  json: OtlpHttpJsonExporter,
  protobuf: OtlpHttpProtoExporter,
  grpc: OtlpGrpcExporter,
};

/**
 * Exports `spans` once with the official OTLP exporter of `kind` (what any OpenTelemetry
 * JS app runs: OTLP/HTTP JSON or protobuf to a /v1/traces URL, or OTLP/gRPC to
 * `http://host:port`), optionally gzip-compressed as OTEL_EXPORTER_OTLP_COMPRESSION asks
 * and with OTEL_EXPORTER_OTLP_HEADERS; resolves with the exporter's own result.
 */
export async function exportSpans(url: string, kind: ExporterKind, spans: ReadableSpan[], gzip = false, headers?: string): Promise<ExportResult> {
  vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", gzip ? "gzip" : "none");
  // As an app configures it: `Authorization=Bearer ...` (HTTP headers, or gRPC metadata).
  vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_HEADERS", headers);
  const exporter = new EXPORTERS[kind]({ url });
  vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", undefined);
  vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_HEADERS", undefined);
  try {
    return await new Promise<ExportResult>((resolve) => exporter.export(spans, resolve));
  } finally {
    await exporter.shutdown();
  }
}

export { ExportResultCode };
