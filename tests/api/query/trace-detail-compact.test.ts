import { beforeAll, expect, it } from "vitest";
import { CompactTrace } from "@/lib/api/contracts/compact-trace";
import { SpanDetailAnswer } from "@/lib/api/contracts/span-detail";
import { TraceDetail } from "@/lib/api/contracts/traces";
import { waterfallFromCompact } from "@/lib/waterfall/from-compact-trace";
import { waterfallFromDetail } from "@/lib/waterfall/from-trace-detail";
import type { WaterfallSpan } from "@/lib/waterfall/waterfall-trace";
import { withStoredSpan } from "@/lib/waterfall/with-stored-span";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { traceDocument } from "./support/detail-trace";

/** What the compact view leaves to the span's detail. */
function withoutDetail(span: WaterfallSpan) {
  return { ...span, detailToLoad: undefined, links: undefined, traceState: undefined, events: span.events.map((event) => ({ ...event, attributes: undefined })) };
}

describeOnEachDatabase("GET /api/tracing/traces/{traceId}?view=compact and .../spans/{spanId}", ({ app }) => {
  const traceId = newTraceId();
  const sharedTraceId = newTraceId();
  const micros = Math.floor(Date.now() / 1000) * 1_000_000 - 60_000_000;

  beforeAll(async () => {
    expect((await app.postJson("/v1/traces", traceDocument(traceId))).status).toBe(200);
    // A span Zipkin shares between client and server: one id, two stored spans.
    const shared = [
      { traceId: sharedTraceId, id: "00000000000000a1", name: "get /", kind: "SERVER", timestamp: micros, duration: 50_000, localEndpoint: { serviceName: "web" } },
      { traceId: sharedTraceId, parentId: "00000000000000a1", id: "00000000000000b2", name: "get /api", kind: "CLIENT", timestamp: micros + 10, duration: 20_000, localEndpoint: { serviceName: "web" } },
      { traceId: sharedTraceId, parentId: "00000000000000a1", id: "00000000000000b2", name: "get /api", kind: "SERVER", shared: true, timestamp: micros + 20, duration: 10_000, localEndpoint: { serviceName: "api" } },
    ];
    expect((await app.postJson("/zipkin/api/v2/spans", shared)).status).toBe(202);
  });

  it("compact_view_carries_the_full_views_spans_but_their_event_attributes_links_and_trace_state", async () => {
    const full = await app.send(`/api/tracing/traces/${traceId}`);
    const compact = await app.send(`/api/tracing/traces/${traceId}?view=compact`);
    expect(compact.status).toBe(200);
    expect(compact.headers["content-type"]).toContain("application/json");
    const fromFull = waterfallFromDetail(TraceDetail.parse(full.json()));
    const fromCompact = waterfallFromCompact(CompactTrace.parse(compact.json()));
    expect(fromCompact.spans.map(withoutDetail)).toEqual(fromFull.spans.map(withoutDetail));
    expect(Array.from(fromCompact.depth)).toEqual(Array.from(fromFull.depth));
    expect(fromCompact.spans.every((span) => span.detailToLoad)).toBe(true);
    // The root's event is there to be drawn, its attributes and the link come with the span's detail.
    expect(fromCompact.spans[0].events).toEqual([{ ...fromFull.spans[0].events[0], attributes: {} }]);
    expect(fromCompact.spans[0].links).toEqual([]);
    expect(Buffer.from((compact.json() as CompactTrace).spans.linkCount, "base64").readInt32LE(0)).toBe(1);
    expect(compact.body.length).toBeLessThan(full.body.length);
  });

  it("span_detail_completes_a_compact_span_to_its_full_view", async () => {
    const full = waterfallFromDetail(TraceDetail.parse((await app.send(`/api/tracing/traces/${traceId}`)).json()));
    const compact = waterfallFromCompact(CompactTrace.parse((await app.send(`/api/tracing/traces/${traceId}?view=compact`)).json()));
    for (const [row, span] of compact.spans.entries()) {
      const answer = await app.send(`/api/tracing/traces/${traceId}/spans/${span.spanId.toUpperCase()}`);
      expect(answer.status).toBe(200);
      const { spans } = SpanDetailAnswer.parse(answer.json());
      expect(spans).toHaveLength(1);
      expect(withStoredSpan(span, spans, compact.startTimeUnixNano)).toEqual(full.spans[row]);
    }
  });

  it("span_detail_of_the_root_has_every_field", async () => {
    const answer = (await app.send(`/api/tracing/traces/${traceId}/spans/${spanIdOf(1)}`)).json() as SpanDetailAnswer;
    expect(answer.spans[0]).toMatchObject({
      traceId,
      spanId: spanIdOf(1),
      name: "GET /",
      events: [{ name: "exception", attributes: { "exception.type": "Error" } }],
      links: [{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceState: "x=y", attributes: { l: 7 } }],
      scope: { name: "http", version: "1.0" },
      traceState: "vendor=1",
    });
    expect(answer.spans[0]).not.toHaveProperty("depth");
  });

  it("shared_span_id_answers_both_spans_and_each_row_takes_its_own", async () => {
    const answer = SpanDetailAnswer.parse((await app.send(`/api/tracing/traces/${sharedTraceId}/spans/00000000000000b2`)).json());
    expect(answer.spans.map((span) => [span.kind, span.serviceName])).toEqual([
      ["client", "web"],
      ["server", "api"],
    ]);
    const compact = waterfallFromCompact(CompactTrace.parse((await app.send(`/api/tracing/traces/${sharedTraceId}?view=compact`)).json()));
    const rows = compact.spans.filter((span) => span.spanId === "00000000000000b2");
    expect(rows.map((span) => withStoredSpan(span, answer.spans, compact.startTimeUnixNano).service)).toEqual(["web", "api"]);
    // The server half hangs under the client half, both naming the root as their parent.
    expect(Array.from(compact.depth)).toEqual([0, 1, 2]);
    expect(rows.map((span) => span.parentSpanId)).toEqual(["00000000000000a1", "00000000000000a1"]);
  });

  it.each([
    ["unknown_span_is_404", () => `/api/tracing/traces/${traceId}/spans/${"cd".repeat(8)}`, 404, "not_found"],
    ["unknown_trace_compact_is_404", () => `/api/tracing/traces/${"ab".repeat(16)}?view=compact`, 404, "not_found"],
    ["short_span_id_is_400", () => `/api/tracing/traces/${traceId}/spans/abc`, 400, "bad_request"],
    ["unknown_view_is_400", () => `/api/tracing/traces/${traceId}?view=tiny`, 400, "bad_request"],
  ])("%s", async (_name, path, status, code) => {
    const answer = await app.send(path());
    expect(answer.status).toBe(status);
    expect((answer.json() as { error: { code: string } }).error.code).toBe(code);
  });
});
