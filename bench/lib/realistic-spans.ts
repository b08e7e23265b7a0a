// Span records shaped like a web shop's traffic, for the ingest benchmarks: traces of
// 5-40 spans across a few services, HTTP/DB/messaging attributes (5-10 per span),
// some errors with exception events. A stored row is about 450 bytes.
import { randomBytes } from "node:crypto";
import { SpanKind, StatusCode, type Attributes, type SpanRecord } from "@/lib/domain/span-record";

const SERVICES = ["web-frontend", "api-gateway", "checkout", "payments", "inventory", "postgres", "orders-queue"];
const ROUTES = ["/api/cart", "/api/checkout", "/api/products/:id", "/api/orders", "/api/payments/authorize", "/api/inventory/reserve"];
const NS_PER_MS = 1_000_000n;

/** One attributes object per service, shared by its spans as the OTLP normalizer shares a resource's. */
const RESOURCES = new Map(SERVICES.map((service) => [service, { "service.name": service, "service.version": "1.4.2" }]));

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

function spanAttributes(kind: SpanKind, route: string, random: () => number): Attributes {
  const status = random() < 0.05 ? 500 : 200;
  if (kind === SpanKind.CLIENT && random() < 0.5) {
    return {
      "db.system": "postgresql",
      "db.name": "shop",
      "db.operation": pick(["SELECT", "INSERT", "UPDATE"], random),
      "db.statement": "SELECT id, quantity FROM order_lines WHERE order_id = $1",
      "server.address": "db.internal",
      "server.port": 5432,
    };
  }
  return {
    "http.request.method": pick(["GET", "POST", "PUT"], random),
    "http.route": route,
    "url.path": route.replace(":id", String(Math.floor(random() * 10_000))),
    "http.response.status_code": status,
    "user_agent.original": "Mozilla/5.0 Chrome/126.0",
    "client.address": `10.0.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
    "request.size": { int: String(Math.floor(random() * 4096)) },
  };
}

/** One trace of 5-40 spans (or `size`) starting at `startNs`: a root server span and a random tree under it. */
export function realisticTrace(startNs: bigint, random: () => number = Math.random, size = 5 + Math.floor(random() * 36)): SpanRecord[] {
  const traceId = hex(16);
  const route = pick(ROUTES, random);
  const spans: SpanRecord[] = [];
  for (let index = 0; index < size; index += 1) {
    const parent = index === 0 ? null : spans[Math.floor(random() * index)];
    const kind = index === 0 ? SpanKind.SERVER : pick([SpanKind.SERVER, SpanKind.CLIENT, SpanKind.INTERNAL, SpanKind.PRODUCER], random);
    const serviceName = index === 0 ? SERVICES[0] : pick(SERVICES, random);
    const start = (parent?.startTimeNs ?? startNs) + BigInt(Math.floor(random() * 20)) * NS_PER_MS + BigInt(Math.floor(random() * 1e6));
    const error = random() < 0.03;
    spans.push({
      traceId,
      spanId: hex(8),
      parentSpanId: parent?.spanId ?? null,
      name: kind === SpanKind.SERVER ? `GET ${route}` : `${serviceName} ${pick(["query", "call", "publish", "render"], random)}`,
      kind,
      startTimeNs: start,
      endTimeNs: start + BigInt(1 + Math.floor(random() * 200)) * NS_PER_MS,
      statusCode: error ? StatusCode.ERROR : StatusCode.UNSET,
      statusMessage: error ? "upstream timed out" : null,
      serviceName,
      resourceAttributes: RESOURCES.get(serviceName)!,
      attributes: spanAttributes(kind, route, random),
      events: error ? [{ name: "exception", timeNs: String(start + NS_PER_MS), attributes: { "exception.type": "TimeoutError" } }] : [],
      links: [],
      scopeName: "@opentelemetry/instrumentation-http",
      scopeVersion: "0.57.0",
      traceState: null,
    });
  }
  return spans;
}

/** `count` spans of realistic traces, the traces starting `gapMs` apart from `startNs` on. */
export function realisticSpans(count: number, startNs: bigint, gapMs = 5): SpanRecord[] {
  const spans: SpanRecord[] = [];
  for (let trace = 0; spans.length < count; trace += 1) spans.push(...realisticTrace(startNs + BigInt(trace * gapMs) * NS_PER_MS));
  return spans.slice(0, count);
}
