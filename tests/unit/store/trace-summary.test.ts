import { describe, expect, it } from "vitest";
import { SpanKind, StatusCode, type SpanRecord } from "@/lib/domain/span-record";
import { countSpans, summarizeSpans } from "@/lib/store/trace-summary";
import { testSpan } from "../../store/support/test-spans";

const T = 1_000n;

function span(traceId: string, spanId: string, overrides: Partial<SpanRecord> = {}): SpanRecord {
  return testSpan({ traceId, spanId, startTimeNs: T, endTimeNs: T + 10n, ...overrides });
}

describe("summarizeSpans", () => {
  it.each<[string, SpanRecord[], { rootName: string; hasRoot: boolean }]>([
    ["parentless_isRoot", [span("a", "2", { parentSpanId: "1", name: "child", startTimeNs: 0n }), span("a", "1", { name: "root" })], { rootName: "root", hasRoot: true }],
    ["noParentless_earliestIsProvisional", [span("a", "2", { parentSpanId: "1", name: "late" }), span("a", "3", { parentSpanId: "1", name: "early", startTimeNs: 5n })], { rootName: "early", hasRoot: false }],
    ["twoParentless_earlierWins", [span("a", "1", { name: "server", kind: SpanKind.SERVER, startTimeNs: T + 1n }), span("a", "1", { name: "client", kind: SpanKind.CLIENT })], { rootName: "client", hasRoot: true }],
    ["startTie_firstSeenStays", [span("a", "1", { parentSpanId: "x", name: "first" }), span("a", "2", { parentSpanId: "x", name: "second" })], { rootName: "first", hasRoot: false }],
  ])("root_%s", (_name, spans, expected) => {
    expect(summarizeSpans(spans).traces[0]).toMatchObject(expected);
  });

  it("traceDelta_extentAndCounts", () => {
    const spans = [
      span("a", "1", { startTimeNs: 50n, endTimeNs: 60n, serviceName: "web" }),
      span("a", "2", { parentSpanId: "1", startTimeNs: 40n, endTimeNs: 55n, statusCode: StatusCode.ERROR, serviceName: "api" }),
      span("a", "3", { parentSpanId: "1", startTimeNs: 45n, endTimeNs: 90n, statusCode: StatusCode.OK, serviceName: "api" }),
    ];
    const { traces, traceServices } = summarizeSpans(spans);
    expect(traces).toEqual([
      { traceId: "a", rootService: "web", rootName: "GET /", hasRoot: true, startTimeNs: 40n, endTimeNs: 90n, spanCount: 3, errorCount: 1 },
    ]);
    expect(traceServices).toEqual([
      { traceId: "a", serviceName: "api", spanCount: 2, errorCount: 1 },
      { traceId: "a", serviceName: "web", spanCount: 1, errorCount: 0 },
    ]);
  });

  // Ingest refuses such a span; should the store get one anyway, the summary still covers every span's start.
  it("spanEndingBeforeItsStart_traceEndsAtThatStart", () => {
    const spans = [span("a", "1", { startTimeNs: 50n, endTimeNs: 60n }), span("a", "2", { parentSpanId: "1", startTimeNs: 80n, endTimeNs: 70n })];
    expect(summarizeSpans(spans).traces[0]).toMatchObject({ startTimeNs: 50n, endTimeNs: 80n });
    expect(summarizeSpans([spans[1]]).traces[0]).toMatchObject({ startTimeNs: 80n, endTimeNs: 80n });
  });

  it("operations_distinctByServiceNameKind_latestStart", () => {
    const { operations } = summarizeSpans([
      span("a", "1", { serviceName: "web", name: "GET /", kind: SpanKind.SERVER, startTimeNs: 5n }),
      span("b", "1", { serviceName: "web", name: "GET /", kind: SpanKind.SERVER, startTimeNs: 9n }),
      span("b", "2", { serviceName: "web", name: "GET /", kind: SpanKind.CLIENT, startTimeNs: 7n }),
    ]);
    expect(operations).toEqual([
      { serviceName: "web", spanName: "GET /", kind: SpanKind.SERVER, lastSeenNs: 9n },
      { serviceName: "web", spanName: "GET /", kind: SpanKind.CLIENT, lastSeenNs: 7n },
    ]);
  });

  it("everyList_sortedByKey", () => {
    const spans = ["c", "a", "b"].flatMap((traceId) => [span(traceId, "1", { serviceName: "z" }), span(traceId, "2", { parentSpanId: "1", serviceName: "y" })]);
    const { traces, traceServices } = summarizeSpans(spans);
    expect(traces.map((trace) => trace.traceId)).toEqual(["a", "b", "c"]);
    expect(traceServices.map((row) => `${row.traceId}/${row.serviceName}`)).toEqual(["a/y", "a/z", "b/y", "b/z", "c/y", "c/z"]);
  });

  it("empty_nothing", () => {
    expect(summarizeSpans([])).toEqual({ traces: [], traceServices: [], operations: [] });
  });
});

describe("countSpans", () => {
  it("countsPerTraceAndService", () => {
    const rows = [
      { traceId: "t", serviceName: "api", statusCode: StatusCode.ERROR },
      { traceId: "t", serviceName: "api", statusCode: StatusCode.UNSET },
      { traceId: "t", serviceName: "db", statusCode: StatusCode.OK },
    ];
    expect(countSpans(rows)).toEqual({
      traces: [{ traceId: "t", spanCount: 3, errorCount: 1 }],
      traceServices: [
        { traceId: "t", serviceName: "api", spanCount: 2, errorCount: 1 },
        { traceId: "t", serviceName: "db", spanCount: 1, errorCount: 0 },
      ],
    });
  });

  it("serviceNamesSharingAPrefix_keptApart", () => {
    const rows = [
      { traceId: "t", serviceName: "api-v2", statusCode: StatusCode.OK },
      { traceId: "t", serviceName: "api", statusCode: StatusCode.OK },
    ];
    expect(countSpans(rows).traceServices.map((row) => row.serviceName)).toEqual(["api", "api-v2"]);
  });
});
