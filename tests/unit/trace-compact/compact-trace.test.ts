import { describe, expect, it } from "vitest";
import { CompactTrace } from "@/lib/api/contracts/compact-trace";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import type { Attributes, SpanRecord } from "@/lib/domain/span-record";
import { encodeCompactTrace } from "@/lib/trace-compact/encode-compact-trace";
import { buildTraceTree } from "@/lib/trace-tree";
import { waterfallFromCompact } from "@/lib/waterfall/from-compact-trace";

const BASE_NS = 1_700_000_000_123_456_789n;
const RESOURCE: Attributes = { "service.name": "api", "host.name": "h1" };

/** A span id (16 hex digits) spelling a short label, so tables can name spans by label. */
const idOf = (label: string) => Buffer.from(label).toString("hex").padStart(16, "0");
const labelOf = (id: string) => Buffer.from(id.replace(/^(00)+/, ""), "hex").toString();

function record(label: string, parent: string | null, startNs: number, fields: Partial<SpanRecord> = {}): SpanRecord {
  const startTimeNs = BASE_NS + BigInt(startNs);
  return {
    traceId: "0af7651916cd43dd8448eb211c80319c",
    spanId: idOf(label),
    parentSpanId: parent === null ? null : idOf(parent),
    name: `op ${label}`,
    kind: 2,
    startTimeNs,
    endTimeNs: startTimeNs + 1_500_001n,
    statusCode: 0,
    statusMessage: null,
    serviceName: "api",
    resourceAttributes: RESOURCE,
    attributes: {},
    events: [],
    links: [],
    scopeName: "lib",
    scopeVersion: "1.0",
    traceState: null,
    ...fields,
  };
}

function summary(spans: SpanRecord[]): TraceSummary {
  const start = spans.reduce((min, span) => (span.startTimeNs < min ? span.startTimeNs : min), spans[0].startTimeNs);
  const end = spans.reduce((max, span) => (span.endTimeNs > max ? span.endTimeNs : max), spans[0].endTimeNs);
  return {
    traceId: spans[0].traceId,
    rootService: "api",
    rootName: "root",
    hasRoot: true,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: end.toString(),
    durationMs: Number(end - start) / 1e6,
    spanCount: spans.length,
    errorCount: 0,
    services: [{ name: "api", spanCount: spans.length, errorCount: 0 }],
  };
}

/** Encoded, sent as JSON text, parsed with the contract (as the browser does) and decoded. */
function roundTrip(spans: SpanRecord[]) {
  const encoded = encodeCompactTrace(summary(spans), buildTraceTree(spans.map((span) => ({ ...span, linkCount: span.links.length, startTimeUnixNano: span.startTimeNs }))));
  const sent = JSON.stringify(encoded);
  return { encoded, text: sent, trace: waterfallFromCompact(CompactTrace.parse(JSON.parse(sent))) };
}

/** Each row as `spanId@depth<parent`, with `!` for an orphan. */
const shape = (trace: ReturnType<typeof waterfallFromCompact>) =>
  trace.spans.map((span, row) => `${labelOf(span.spanId)}@${trace.depth[row]}<${span.parentSpanId === null ? "-" : labelOf(span.parentSpanId)}${span.orphan ? "!" : ""}`);

describe("compact trace encoding", () => {
  it.each<[string, SpanRecord[], string[]]>([
    ["single_root", [record("a", null, 0)], ["a@0<-"]],
    ["children_by_start", [record("c", "a", 20), record("a", null, 0), record("b", "a", 10)], ["a@0<-", "b@1<a", "c@1<a"]],
    ["missing_parent_is_an_orphan_keeping_its_parent_id", [record("r", null, 0), record("lost", "gone", 5), record("kid", "lost", 6)], ["r@0<-", "lost@0<gone!", "kid@1<lost"]],
    ["two_orphans_share_one_foreign_parent", [record("x", "gone", 1), record("y", "gone", 2)], ["x@0<gone!", "y@0<gone!"]],
    ["parent_loop_is_cut", [record("p", "q", 5), record("q", "p", 3)], ["q@0<p!", "p@1<q"]],
    [
      "shared_span_id_keeps_each_parent_id",
      [record("root", null, 0), record("shared", "root", 10, { kind: 3 }), record("shared", "root", 12, { kind: 2 }), record("db", "shared", 13)],
      ["root@0<-", "shared@1<root", "shared@2<root", "db@3<shared"],
    ],
  ])("%s", (_name, spans, expected) => {
    expect(shape(roundTrip(spans).trace)).toEqual(expected);
  });

  it("keeps every field of a span exactly, typed attribute values apart", () => {
    const attributes: Attributes = {
      int: 200,
      text: "200",
      double: { double: 200 },
      big: { int: "9007199254740993" },
      flag: true,
      list: ["a", 1],
      nested: { kvlist: { k: "v" } },
      bytes: { bytes: "AAE=" },
    };
    const spans = [
      record("root", null, 0, { attributes, statusCode: 2, statusMessage: "boom", kind: 3, traceState: "k=v" }),
      record("child", "root", 1, {
        attributes: { int: 200 },
        events: [{ name: "retry", timeNs: (BASE_NS + 1n + 250_000n).toString(), attributes: { attempt: 2 } }],
        links: [{ traceId: "1".repeat(32), spanId: "2".repeat(16), traceState: null, attributes: {} }],
        resourceAttributes: { "service.name": "db" },
        serviceName: "db",
        scopeName: null,
        scopeVersion: null,
      }),
    ];
    const { trace } = roundTrip(spans);
    const [root, child] = trace.spans;
    expect(root).toMatchObject({
      name: "op root",
      service: "api",
      kind: "client",
      status: "error",
      statusMessage: "boom",
      startTimeUnixNano: BASE_NS.toString(),
      startMs: 0,
      durationMs: 1.500001,
      attributes,
      resourceAttributes: RESOURCE,
      scope: "lib 1.0",
      orphan: false,
      detailToLoad: true,
      // Left to the span's detail.
      traceState: null,
      links: [],
    });
    expect(child).toMatchObject({ service: "db", scope: null, startTimeUnixNano: (BASE_NS + 1n).toString(), startMs: 0.000001, attributes: { int: 200 } });
    expect(child.events).toEqual([{ name: "retry", timeUnixNano: (BASE_NS + 250_001n).toString(), offsetMs: 0.25, attributes: {} }]);
    expect(child.resourceAttributes).toEqual({ "service.name": "db" });
    expect(trace).toMatchObject({ maxDepth: 1, errorCount: 1, services: ["api", "db"] });
    expect(Array.from(trace.parent)).toEqual([-1, 0]);
  });

  it("start times stay exact where the low 15 digits carry over", () => {
    const start = 1_700_999_999_999_999_990n;
    const spans = [
      record("a", null, 0, { startTimeNs: start, endTimeNs: start + 100n }),
      record("b", "a", 0, { startTimeNs: start + 20n, endTimeNs: start + 30n, events: [{ name: "e", timeNs: (start + 25n).toString(), attributes: {} }] }),
    ];
    const [a, b] = roundTrip(spans).trace.spans;
    expect([a.startTimeUnixNano, b.startTimeUnixNano, b.events[0].timeUnixNano]).toEqual(["1700999999999999990", "1701000000000000010", "1701000000000000015"]);
  });

  it("refuses a column that does not hold a value per span", () => {
    const { encoded } = roundTrip([record("a", null, 0), record("b", "a", 1)]);
    const oneShort = { ...encoded, spans: { ...encoded.spans, durationNs: Buffer.from(new Float64Array([1]).buffer).toString("base64") } };
    expect(() => waterfallFromCompact(oneShort)).toThrow("column durationNs holds 1 values, not 2");
    expect(() => waterfallFromCompact({ ...encoded, spans: { ...encoded.spans, spanIds: encoded.spans.spanIds.slice(1) } })).toThrow("spanIds");
  });

  it("interns names, keys, values and resources once for the whole trace", () => {
    const spans = Array.from({ length: 100 }, (_, i) =>
      record(`s${i}`, i === 0 ? null : "s0", i, { name: i % 2 ? "GET" : "POST", attributes: { "http.method": i % 2 ? "GET" : "POST", "http.status_code": 200 } }),
    );
    const { encoded, trace } = roundTrip(spans);
    expect(encoded.strings).toEqual(["POST", "api", "http.method", "http.status_code", "GET"]);
    expect(encoded.values).toEqual(["POST", 200, "GET"]);
    expect(encoded.resources).toEqual([{ attributes: RESOURCE, scope: "lib 1.0" }]);
    // One resource object shared by every span, as the collector's records share it.
    expect(new Set(trace.spans.map((span) => span.resourceAttributes)).size).toBe(1);
  });

  it("carries 200,000 spans exactly, deep and wide, in a few bytes a span", () => {
    const count = 200_000;
    const spans = Array.from({ length: count }, (_, i) =>
      // A chain of 1,000 under the root, then a fan-out of 4: deep and wide at once.
      record(String(i), i === 0 ? null : String(i <= 1_000 ? i - 1 : Math.floor((i - 1) / 4)), i * 1_000, {
        attributes: { "bench.index": i },
      }),
    );
    const { text, trace } = roundTrip(spans);
    expect(trace.spans).toHaveLength(count);
    expect(trace.maxDepth).toBeGreaterThanOrEqual(1_000);
    const last = trace.spans.find((span) => span.spanId === idOf(String(count - 1)))!;
    expect(last.startTimeUnixNano).toBe((BASE_NS + BigInt((count - 1) * 1_000)).toString());
    expect(last.attributes).toEqual({ "bench.index": count - 1 });
    // Every parent row is earlier and one level up.
    let misplaced = 0;
    for (let row = 1; row < count; row++) if (trace.parent[row] >= row || trace.depth[trace.parent[row]] !== trace.depth[row] - 1) misplaced++;
    expect(misplaced).toBe(0);
    expect(text.length / count).toBeLessThan(120);
    // Building, encoding, parsing and decoding 200,000 spans: a few seconds on a loaded 2-core machine.
  }, 60_000);
});
