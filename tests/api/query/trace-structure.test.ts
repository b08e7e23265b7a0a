import { beforeAll, expect, it } from "vitest";
import { SpanKind, StatusCode, type SpanRecord } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { storeQueriesOf } from "../support/store-queries";
import { newTraceId, spanIdOf } from "../support/test-app";
import { MS, spanRecord } from "./span-records";

const T0 = 1_795_950_000_000_000_000n;

/** What the compact view reads of a stored span: all but its trace id, trace state and links (their count). */
const asStructure = (span: SpanRecord) => ({
  spanId: span.spanId,
  parentSpanId: span.parentSpanId,
  name: span.name,
  kind: span.kind,
  serviceName: span.serviceName,
  statusCode: span.statusCode,
  statusMessage: span.statusMessage,
  startTimeNs: span.startTimeNs,
  endTimeNs: span.endTimeNs,
  attributes: span.attributes,
  events: span.events,
  linkCount: span.links.length,
  resourceAttributes: span.resourceAttributes,
  scopeName: span.scopeName,
  scopeVersion: span.scopeVersion,
});
const byIdAndKind = <S extends { spanId: string; kind: number }>(spans: readonly S[]) =>
  [...spans].sort((a, b) => a.spanId.localeCompare(b.spanId) || a.kind - b.kind);

describeOnEachDatabase("reading a trace's structure as plain rows (the compact view)", ({ app, provider }) => {
  const traceId = newTraceId();
  const otherTraceId = newTraceId();
  const spans: SpanRecord[] = [
    spanRecord({
      traceId, spanId: spanIdOf(1), name: "GET /", kind: SpanKind.SERVER, serviceName: "web", start: T0, durationMs: 30,
      resourceAttributes: { "service.name": "web", "host.name": "a" }, scopeName: "http", scopeVersion: "1.2.0", traceState: "vendor=1",
      attributes: { "http.route": "/", retries: 2, ratio: { double: 0.5 }, big: { int: "9007199254740993" }, tags: ["a", "b"], cached: false },
      events: [
        { name: "cache miss", timeNs: (T0 + MS).toString(), attributes: { key: "k" } },
        { name: "retry", timeNs: (T0 + 2n * MS).toString(), attributes: {} },
      ],
      links: [
        { traceId: otherTraceId, spanId: spanIdOf(1), traceState: null, attributes: { why: "retry" } },
        { traceId: otherTraceId, spanId: spanIdOf(2), traceState: "a=b", attributes: {} },
      ],
    }),
    // Another resource without a scope, an error with its message.
    spanRecord({
      traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: "query", kind: SpanKind.CLIENT, serviceName: "db", start: T0 + 3n * MS,
      statusCode: StatusCode.ERROR, statusMessage: "timeout", resourceAttributes: { "service.name": "db" }, scopeName: null, scopeVersion: null,
    }),
    // One span id stored twice (Zipkin's shared client and server span), on two resources.
    spanRecord({ traceId, spanId: spanIdOf(3), parentSpanId: spanIdOf(1), kind: SpanKind.CLIENT, serviceName: "web", start: T0 + 4n * MS, resourceAttributes: { "service.name": "web", "host.name": "a" }, scopeName: "http", scopeVersion: "1.2.0" }),
    spanRecord({ traceId, spanId: spanIdOf(3), parentSpanId: spanIdOf(1), kind: SpanKind.SERVER, serviceName: "api", start: T0 + 5n * MS, resourceAttributes: { "service.name": "api" }, scopeName: "rpc", scopeVersion: null }),
    spanRecord({ traceId: otherTraceId, spanId: spanIdOf(1), name: "job", serviceName: "worker", start: T0, resourceAttributes: { "service.name": "worker" } }),
  ];

  beforeAll(async () => {
    await app.modules.getSpanStore().writeSpans(spans);
  });

  it("every_span_comes_back_as_stored_with_its_resource_scope_events_and_link_count", async () => {
    const { readTraceStructure } = await import("@/lib/store/read/trace-structure");
    const read = await readTraceStructure(traceId);
    expect(byIdAndKind(read)).toEqual(byIdAndKind(spans.slice(0, 4).map(asStructure)));
    // Spans of one resource share its parsed attributes, as the compact view's resource table expects.
    const web = read.filter((span) => span.serviceName === "web");
    expect(web).toHaveLength(2);
    expect(web[0].resourceAttributes).toBe(web[1].resourceAttributes);
  });

  it("an_unknown_trace_reads_empty", async () => {
    const { readTraceStructure } = await import("@/lib/store/read/trace-structure");
    expect(await readTraceStructure(newTraceId())).toEqual([]);
  });

  it("its_statements_are_reported_to_the_query_observer", async () => {
    const { readTraceStructure } = await import("@/lib/store/read/trace-structure");
    const seen = await storeQueriesOf(() => readTraceStructure(traceId));
    const system = { "db.system.name": provider, "db.operation.name": "SELECT" };
    expect(seen).toEqual([
      { name: "SELECT spans", attributes: { ...system, "db.collection.name": "spans" } },
      { name: "SELECT span_resources", attributes: { ...system, "db.collection.name": "span_resources" } },
    ]);
  });
});
