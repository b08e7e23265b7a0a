import { otlpRequest, otlpSpan } from "./otlp";
import { newTraceId, spanIdOf, type TestApp } from "./test-app";

/**
 * One trace for the Jaeger and Zipkin read APIs, sent through the real ingest routes:
 * OTLP spans of `frontend` (typed attributes, an event, a link, an error) and Zipkin
 * spans with a shared span (a `frontend` client and an `inventory` server half with one
 * id) and a child of its server half with an annotation. Times are microseconds-exact
 * and ten minutes old, inside every API's default window.
 */

export const US = 1_000n;
export const MS = 1_000_000n;

export interface CompatTrace {
  traceId: string;
  /** A second trace the charge span links to. */
  linkedTraceId: string;
  t0Ns: bigint;
  ids: { root: string; charge: string; shared: string; query: string; linked: string };
  /** The Zipkin spans as sent. */
  zipkin: Array<Record<string, unknown>>;
}

export async function sendCompatTrace(app: TestApp): Promise<CompatTrace> {
  const traceId = newTraceId();
  const linkedTraceId = newTraceId();
  const t0Ns = (BigInt(Date.now()) - 10n * 60_000n) * MS;
  const ids = { root: spanIdOf(1), charge: spanIdOf(2), shared: spanIdOf(3), query: spanIdOf(4), linked: spanIdOf(9) };
  const root = {
    ...otlpSpan({
      traceId,
      spanId: ids.root,
      name: "GET /checkout",
      kind: 2,
      start: t0Ns,
      end: t0Ns + 100n * MS,
      attributes: [
        { key: "http.method", value: { stringValue: "GET" } },
        { key: "http.status_code", value: { intValue: "200" } },
        { key: "retry.ratio", value: { doubleValue: 0.5 } },
        { key: "cache.hit", value: { boolValue: true } },
        { key: "cart.items", value: { arrayValue: { values: [{ stringValue: "a" }, { stringValue: "b" }] } } },
      ],
    }),
    events: [{ timeUnixNano: (t0Ns + 5n * MS).toString(), name: "cache miss", attributes: [{ key: "cache.key", value: { stringValue: "cart:1" } }] }],
  };
  const charge = {
    ...otlpSpan({
      traceId,
      spanId: ids.charge,
      parentSpanId: ids.root,
      name: "charge",
      kind: 3,
      start: t0Ns + 10n * MS,
      end: t0Ns + 30n * MS,
      status: { code: 2, message: "card declined" },
    }),
    links: [{ traceId: linkedTraceId, spanId: ids.linked, attributes: [] }],
  };
  const linked = otlpSpan({ traceId: linkedTraceId, spanId: ids.linked, name: "enqueue", kind: 4, start: t0Ns - 50n * MS, end: t0Ns - 40n * MS });
  const otlp = otlpRequest("frontend", [root, charge, linked]);
  otlp.resourceSpans[0].resource.attributes.push({ key: "host.name", value: { stringValue: "web-1" } });
  const toMicros = (ns: bigint) => Number(ns / US);
  const zipkin: Array<Record<string, unknown>> = [
    {
      traceId,
      id: ids.shared,
      parentId: ids.root,
      kind: "CLIENT",
      name: "get /inventory",
      timestamp: toMicros(t0Ns + 40n * MS),
      duration: 30_000,
      localEndpoint: { serviceName: "frontend", ipv4: "10.0.0.1" },
      remoteEndpoint: { serviceName: "inventory", ipv4: "10.0.0.2", port: 8080 },
      tags: { "http.path": "/inventory" },
    },
    {
      traceId,
      id: ids.shared,
      parentId: ids.root,
      kind: "SERVER",
      name: "get /inventory",
      timestamp: toMicros(t0Ns + 42n * MS),
      duration: 25_000,
      localEndpoint: { serviceName: "inventory", ipv4: "10.0.0.2", port: 8080 },
      remoteEndpoint: { ipv4: "10.0.0.1" },
      shared: true,
      tags: { "http.path": "/inventory" },
    },
    {
      traceId,
      id: ids.query,
      parentId: ids.shared,
      name: "select stock",
      timestamp: toMicros(t0Ns + 45n * MS),
      duration: 5_000,
      localEndpoint: { serviceName: "inventory" },
      annotations: [{ timestamp: toMicros(t0Ns + 46n * MS), value: "cache.flush" }],
      tags: { "db.rows": "3" },
    },
  ];
  const sentOtlp = await app.postJson("/v1/traces", otlp);
  if (sentOtlp.status !== 200) throw new Error(`OTLP ingest answered ${sentOtlp.status}: ${sentOtlp.body.toString()}`);
  const sentZipkin = await app.postJson("/api/v2/spans", zipkin);
  if (sentZipkin.status !== 202) throw new Error(`Zipkin ingest answered ${sentZipkin.status}: ${sentZipkin.body.toString()}`);
  return { traceId, linkedTraceId, t0Ns, ids, zipkin };
}

/** Jaeger tags or Zipkin-style lists in key order: stores keep attribute objects in different key orders. */
export function byKey<T extends { key: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.key.localeCompare(b.key));
}
