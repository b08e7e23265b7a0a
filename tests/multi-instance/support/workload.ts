import { randomBytes } from "node:crypto";
import { otlpSpan } from "../../api/support/otlp";

/**
 * The spans the multi-instance test sends: small checkout traces over four services,
 * each trace's spans dealt out to every instance, in the three ingest formats.
 */

export type SpanKindName = "server" | "client" | "internal";

export interface TestSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  service: string;
  name: string;
  kind: SpanKindName;
  startNs: bigint;
  endNs: bigint;
  error: boolean;
}

export const SERVICES = ["mi-gateway", "mi-orders", "mi-payments", "mi-inventory"] as const;
/** Spans old enough for retention to remove, sent all along so that every retention period has some. */
export const EXPIRED_SERVICE = "mi-expired";

const US = 1_000n;
const MS = 1_000_000n;
const BUCKET_NS = 300_000_000_000n;

const randomInt = (below: number) => Math.floor(Math.random() * below);
const hexId = (bytes: number) => randomBytes(bytes).toString("hex");

/** A span starting `offsetUs` into its parent, lasting `durationUs` (whole microseconds: Zipkin's unit). */
function child(parent: TestSpan, service: string, name: string, kind: SpanKindName, offsetUs: number, durationUs: number, error = false): TestSpan {
  const startNs = parent.startNs + BigInt(offsetUs) * US;
  return { traceId: parent.traceId, spanId: hexId(8), parentSpanId: parent.spanId, service, name, kind, startNs, endNs: startNs + BigInt(durationUs) * US, error };
}

/** Network time between a client span and the server span it calls, in microseconds. */
const networkUs = () => 20_000 + randomInt(40_000);

/**
 * One checkout: gateway -> orders -> (payments, inventory), 9 spans, errors now and then.
 * It starts `startNs` (whole microseconds) and lasts about 400 ms; each server span starts
 * 20-60 ms after the client span calling it, so a trace started just before a 5-minute
 * boundary often has a caller and its callee in two roll-up buckets.
 */
export function checkoutTrace(startNs: bigint): TestSpan[] {
  const traceId = hexId(16);
  const root: TestSpan = { traceId, spanId: hexId(8), parentSpanId: null, service: "mi-gateway", name: "GET /checkout", kind: "server", startNs, endNs: startNs + 400n * MS, error: false };
  const call = child(root, "mi-gateway", "POST orders", "client", 1_000, 390_000);
  const orders = child(call, "mi-orders", "POST /orders", "server", networkUs(), 300_000, randomInt(10) === 0);
  const charge = child(orders, "mi-orders", "charge", "client", 10_000, 120_000);
  const reserve = child(orders, "mi-orders", "reserve", "client", 140_000, 120_000);
  const inventory = child(reserve, "mi-inventory", "POST /reserve", "server", networkUs(), 50_000, randomInt(8) === 0);
  return [
    root,
    call,
    orders,
    child(orders, "mi-orders", "validate", "internal", 1_000, 8_000),
    charge,
    child(charge, "mi-payments", "POST /charge", "server", networkUs(), 50_000, randomInt(5) === 0),
    reserve,
    inventory,
    child(inventory, "mi-inventory", "SELECT stock", "internal", 1_000, 20_000),
  ];
}

/**
 * A start time in the last `windowMinutes` (whole microseconds); one in three up to 250 ms
 * before a 5-minute boundary, so that callers and callees land in different roll-up buckets.
 */
export function traceStart(nowNs: bigint, windowMinutes: number): bigint {
  const windowNs = BigInt(windowMinutes) * 60_000n * MS;
  let start = nowNs - 2n * 60_000n * MS - (BigInt(randomInt(1_000_000)) * windowNs) / 1_000_000n;
  if (randomInt(3) === 0) start = start - (start % BUCKET_NS) - BigInt(1 + randomInt(250)) * MS;
  return start - (start % US);
}

/** Spans that started two hours ago, for retention to remove. */
export function expiredSpans(nowNs: bigint, count: number): TestSpan[] {
  const startNs = nowNs - 2n * 3_600_000n * MS - ((nowNs - 2n * 3_600_000n * MS) % US);
  return Array.from({ length: count }, () => ({
    traceId: hexId(16),
    spanId: hexId(8),
    parentSpanId: null,
    service: EXPIRED_SERVICE,
    name: "expired",
    kind: "server" as const,
    startNs,
    endNs: startNs + MS,
    error: false,
  }));
}

/** Deals the spans of `traces` out to `instances` piles: span i of trace j to pile (i + j) % instances. */
export function dealSpans(traces: readonly TestSpan[][], instances: number): TestSpan[][] {
  const piles: TestSpan[][] = Array.from({ length: instances }, () => []);
  traces.forEach((spans, j) => spans.forEach((span, i) => piles[(i + j) % instances].push(span)));
  return piles;
}

export type WireFormat = "otlp" | "zipkin" | "native";
export const WIRE_FORMATS: readonly WireFormat[] = ["otlp", "zipkin", "native"];

const OTLP_KINDS: Record<SpanKindName, number> = { internal: 1, server: 2, client: 3 };

function otlpBody(spans: readonly TestSpan[]) {
  const services = [...new Set(spans.map((span) => span.service))];
  return {
    resourceSpans: services.map((service) => ({
      resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] },
      scopeSpans: [
        {
          scope: { name: "multi-instance-test" },
          spans: spans
            .filter((span) => span.service === service)
            .map((span) =>
              otlpSpan({
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId ?? undefined,
                name: span.name,
                kind: OTLP_KINDS[span.kind],
                start: span.startNs,
                end: span.endNs,
                status: span.error ? { code: 2, message: "failed" } : { code: 1 },
              }),
            ),
        },
      ],
    })),
  };
}

function zipkinBody(spans: readonly TestSpan[]) {
  return spans.map((span) => ({
    traceId: span.traceId,
    id: span.spanId,
    ...(span.parentSpanId ? { parentId: span.parentSpanId } : {}),
    name: span.name,
    ...(span.kind === "internal" ? {} : { kind: span.kind.toUpperCase() }),
    timestamp: Number(span.startNs / US),
    duration: Number((span.endNs - span.startNs) / US),
    localEndpoint: { serviceName: span.service },
    tags: { ...(span.kind === "internal" ? { "span.kind": "internal" } : {}), ...(span.error ? { error: "failed" } : {}) },
  }));
}

function nativeBody(spans: readonly TestSpan[]) {
  return {
    spans: spans.map((span) => ({
      name: span.name,
      trace_id: span.traceId,
      span_id: span.spanId,
      ...(span.parentSpanId ? { parent_span_id: span.parentSpanId } : {}),
      kind: span.kind,
      status: span.error ? { code: "error", message: "failed" } : "ok",
      start_time: span.startNs.toString(),
      end_time: span.endNs.toString(),
      service_name: span.service,
    })),
  };
}

/** The ingest route and JSON body that carry `spans` in `format`. */
export function ingestRequest(format: WireFormat, spans: readonly TestSpan[]): { path: string; body: unknown } {
  if (format === "otlp") return { path: "/v1/traces", body: otlpBody(spans) };
  if (format === "zipkin") return { path: "/api/v2/spans", body: zipkinBody(spans) };
  return { path: "/api/tracing/spans", body: nativeBody(spans) };
}
