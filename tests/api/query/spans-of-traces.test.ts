import { beforeAll, expect, it } from "vitest";
import { SpanKind, StatusCode, type SpanRecord } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { MS, spanRecord } from "./span-records";

const T0 = 1_795_950_000_000_000_000n;
const DAY = 86_400_000n * MS;

/** What a query evaluation reads of a stored span: everything but its events and links. */
const asEvaluated = (span: SpanRecord): SpanRecord => ({ ...span, events: [], links: [] });
const bySpanId = (spans: readonly SpanRecord[]) => [...spans].sort((a, b) => a.spanId.localeCompare(b.spanId));

describeOnEachDatabase("reading the spans of many traces (a TraceQL walk)", ({ app }) => {
  const first = newTraceId();
  const second = newTraceId();
  const spans: SpanRecord[] = [
    spanRecord({
      traceId: first, spanId: spanIdOf(1), name: "GET /", kind: SpanKind.SERVER, serviceName: "web", start: T0, durationMs: 30,
      resourceAttributes: { "service.name": "web", "host.name": "a" }, scopeName: "http", scopeVersion: "1.2.0", traceState: "vendor=1",
      attributes: { "http.route": "/", retries: 2, ratio: { double: 0.5 }, big: { int: "9007199254740993" }, tags: ["a", "b"], cached: false },
      events: [{ name: "cache miss", timeNs: (T0 + MS).toString(), attributes: {} }],
    }),
    // A second resource in the same trace, a day later, with an error and a message.
    spanRecord({
      traceId: first, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: "query", kind: SpanKind.CLIENT, serviceName: "db", start: T0 + DAY,
      statusCode: StatusCode.ERROR, statusMessage: "timeout", resourceAttributes: { "service.name": "db" },
      links: [{ traceId: second, spanId: spanIdOf(1), traceState: null, attributes: { why: "retry" } }],
    }),
    spanRecord({ traceId: second, spanId: spanIdOf(1), name: "job", serviceName: "worker", start: T0 + MS, resourceAttributes: { "service.name": "worker" } }),
  ];

  beforeAll(async () => {
    await app.modules.getSpanStore().writeSpans(spans);
  });

  it("every_span_of_each_trace_comes_back_as_stored_without_events_and_links", async () => {
    const { readSpansOfTraces, readTraceSpans } = await import("@/lib/store/read/trace-spans");
    const read = await readSpansOfTraces([first, second, newTraceId()], T0);
    expect([...read.keys()].sort()).toEqual([first, second].sort());
    expect(bySpanId(read.get(first)!)).toEqual(bySpanId(spans.slice(0, 2)).map(asEvaluated));
    expect(read.get(second)).toEqual([asEvaluated(spans[2])]);
    // The whole trace as the detail reads it agrees, events and links included.
    expect(bySpanId(await readTraceSpans(first))).toEqual(bySpanId(spans.slice(0, 2)));
  });

  it("spans_of_one_resource_share_one_attributes_object", async () => {
    const { readSpansOfTraces } = await import("@/lib/store/read/trace-spans");
    await app.modules.getSpanStore().writeSpans([spanRecord({ traceId: second, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), serviceName: "worker", start: T0 + 2n * MS, resourceAttributes: { "service.name": "worker" } })]);
    const [a, b] = (await readSpansOfTraces([second], T0)).get(second)!;
    expect(a.resourceAttributes).toBe(b.resourceAttributes);
  });

  it("no_trace_asked_reads_nothing", async () => {
    const { readSpansOfTraces } = await import("@/lib/store/read/trace-spans");
    expect((await readSpansOfTraces([], T0)).size).toBe(0);
  });
});
