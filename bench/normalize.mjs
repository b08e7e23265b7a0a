#!/usr/bin/env node
// Collector decode + normalize throughput, one core (`node --import tsx bench/normalize.mjs`;
// tsx only loads the SDK fixture, the normalizers are measured as an esbuild bundle).
//
// Workload: 500 spans from the real OpenTelemetry JS SDK (50 traces: a server span with
// HTTP attributes and 9 database client children, every third with an exception event),
// serialized by the official OTLP exporters' serializers. Measured per format: parse +
// normalize of the whole 500-span body, the same pure functions the ingest routes call.
// Also JSON.parse alone as the floor, and normalize alone. The Zipkin and native bodies
// carry the same spans.
//
// Method: warm up, then BENCH_ROUNDS rounds in which every case runs BENCH_SECONDS in
// turn (interleaved, so load from other processes spreads evenly); the median round is
// reported. A benchmark, not a test: it exits 0 whatever the figures.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { build } from "esbuild";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { otlpJsonExport, otlpProtobufExport } from "../tests/fixtures/collector/sdk-export.ts";
import { machineDescription } from "./lib/report.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TRACES = 50;
const CHILDREN = 9;

async function sdkSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "checkout", "service.version": "2.1.0", "host.name": "web-1" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("bench", "1.0.0");
  for (let t = 0; t < TRACES; t++) {
    const server = tracer.startSpan("GET /api/cart", {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.method": "GET",
        "url.path": "/api/cart",
        "http.response.status_code": 200,
        "server.address": "shop.example.com",
        "user_agent.original": "Mozilla/5.0 (X11; Linux x86_64)",
      },
    });
    const parent = trace.setSpan(context.active(), server);
    for (let i = 0; i < CHILDREN; i++) {
      const child = tracer.startSpan(
        "SELECT cart_items",
        {
          kind: SpanKind.CLIENT,
          attributes: {
            "db.system.name": "postgresql",
            "db.query.text": "SELECT * FROM cart_items WHERE cart_id = $1",
            "server.port": 5432,
            "db.response.returned_rows": i * 3,
            "cache.hit_ratio": 0.25,
          },
        },
        parent,
      );
      if (i % 3 === 0) {
        child.addEvent("exception", { "exception.type": "TimeoutError", "exception.message": "query timed out" });
        child.setStatus({ code: SpanStatusCode.ERROR, message: "query timed out" });
      }
      child.end();
    }
    server.end();
  }
  await provider.forceFlush();
  return exporter.getFinishedSpans();
}

const jsonValue = (value) => (typeof value === "object" && value !== null && "double" in value ? value.double : value);
const plainAttributes = (attributes) =>
  Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, jsonValue(value)]));
const micros = (nanos) => Number(nanos / 1000n);
const ZIPKIN_KINDS = { 2: "SERVER", 3: "CLIENT" };

function zipkinBody(records) {
  return JSON.stringify(
    records.map((span) => ({
      traceId: span.traceId,
      id: span.spanId,
      parentId: span.parentSpanId ?? undefined,
      name: span.name,
      kind: ZIPKIN_KINDS[span.kind],
      timestamp: micros(span.startTimeNs),
      duration: micros(span.endTimeNs) - micros(span.startTimeNs),
      localEndpoint: { serviceName: span.serviceName },
      tags: Object.fromEntries(Object.entries(span.attributes).map(([key, value]) => [key, String(jsonValue(value))])),
      annotations: span.events.map((event) => ({ timestamp: micros(BigInt(event.timeNs)), value: event.name })),
    })),
  );
}

function nativeBody(records) {
  return JSON.stringify({
    service_name: "checkout",
    spans: records.map((span) => ({
      name: span.name,
      trace_id: span.traceId,
      span_id: span.spanId,
      parent_span_id: span.parentSpanId,
      kind: span.kind,
      status: span.statusCode,
      start_time: span.startTimeNs.toString(),
      end_time: span.endTimeNs.toString(),
      attributes: plainAttributes(span.attributes),
      events: span.events.map((event) => ({
        name: event.name,
        time: event.timeNs,
        attributes: plainAttributes(event.attributes),
      })),
    })),
  });
}

/** Spans/s of `run` (which handles one whole body) over one round. */
function round(spansPerRun, run) {
  let runs = 0;
  const start = performance.now();
  const until = start + SECONDS * 1000;
  do {
    run();
    runs++;
  } while (performance.now() < until);
  return (runs * spansPerRun * 1000) / (performance.now() - start);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The normalizers bundled as a production build bundles them. Loaded through tsx instead,
 * they run at about half the speed: tsx compiles them to CommonJS, whose export getters
 * sit on every cross-module call.
 */
async function bundledNormalizers() {
  const bundle = await build({
    entryPoints: [path.join(ROOT, "lib/collector/normalize/index.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "warning",
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), "normalize-bench-"));
  try {
    const file = path.join(dir, "normalize.mjs");
    await writeFile(file, bundle.outputFiles[0].contents);
    return await import(file);
  } finally {
    await rm(dir, { recursive: true });
  }
}

const { normalizeNativeBatch, normalizeOtlpJson, normalizeOtlpProtobuf, normalizeZipkinSpans, parseJsonExact } =
  await bundledNormalizers();
const spans = await sdkSpans();
const otlpJson = otlpJsonExport(spans);
const otlpProtobuf = otlpProtobufExport(spans);
// The same document with int64 as bare numbers, as some senders write them: exercises the careful scan.
const otlpJsonBareInt64 = otlpJson.replace(/"(\w*[tT]imeUnixNano)":"(\d+)"/g, '"$1":$2');
const records = normalizeOtlpJson(parseJsonExact(otlpJson)).spans;
const zipkin = zipkinBody(records);
const native = nativeBody(records);
const parsedOtlp = JSON.parse(otlpJson);
for (const [format, batch] of [
  ["otlp json", normalizeOtlpJson(parseJsonExact(otlpJsonBareInt64))],
  ["otlp protobuf", normalizeOtlpProtobuf(otlpProtobuf)],
  ["zipkin", normalizeZipkinSpans(parseJsonExact(zipkin))],
  ["native", normalizeNativeBatch(parseJsonExact(native))],
]) {
  if (batch.spans.length !== spans.length)
    throw new Error(
      `${format}: ${batch.spans.length} of ${spans.length} spans normalized (${batch.errors.join("; ")})`,
    );
}

const cases = [
  ["JSON.parse only (floor)", otlpJson.length, () => JSON.parse(otlpJson)],
  ["parseJsonExact only", otlpJson.length, () => parseJsonExact(otlpJson)],
  ["OTLP normalize only (parsed)", otlpJson.length, () => normalizeOtlpJson(parsedOtlp)],
  ["OTLP JSON parse + normalize", otlpJson.length, () => normalizeOtlpJson(parseJsonExact(otlpJson))],
  ["OTLP JSON, bare int64", otlpJsonBareInt64.length, () => normalizeOtlpJson(parseJsonExact(otlpJsonBareInt64))],
  ["OTLP protobuf decode + normalize", otlpProtobuf.length, () => normalizeOtlpProtobuf(otlpProtobuf)],
  ["Zipkin JSON parse + normalize", zipkin.length, () => normalizeZipkinSpans(parseJsonExact(zipkin))],
  ["native JSON parse + normalize", native.length, () => normalizeNativeBatch(parseJsonExact(native))],
];

console.log(`machine: ${machineDescription()}`);
console.log(`body: ${spans.length} spans; ${ROUNDS} rounds of ${SECONDS}s per case, cases interleaved, median`);
for (const [, , run] of cases) round(spans.length, run); // warm-up
const rates = cases.map(() => []);
for (let r = 0; r < ROUNDS; r++) cases.forEach(([, , run], i) => rates[i].push(round(spans.length, run)));
cases.forEach(([name, bytes], i) => {
  console.log(
    `${name.padEnd(34)} ${String(Math.round(median(rates[i]))).padStart(8)} spans/s  ${(bytes / 1024).toFixed(0).padStart(4)} KiB body`,
  );
});
