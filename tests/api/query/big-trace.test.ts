import { beforeAll, expect, it } from "vitest";
import { CompactTrace } from "@/lib/api/contracts/compact-trace";
import { SpanDetailAnswer } from "@/lib/api/contracts/span-detail";
import { waterfallFromCompact } from "@/lib/waterfall/from-compact-trace";
import { bigTraceRequests, bigTraceSpanId } from "@/scripts/demo/big-trace";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId } from "../support/test-app";

const SPANS = 200_000;
const BIG_TIMEOUT_MS = 300_000;

/**
 * Issue 15 §5: a 200,000-span trace, sent as the demo's --big-trace sends it (OTLP/JSON
 * batches of 10,000 spans, 20 requests, 4 times the per-request limit in all), is stored
 * whole: its summary counts every span, the attribute index finds its last span, and the
 * compact view and a span's detail answer it.
 */
describeOnEachDatabase("a 200,000-span trace", ({ app }) => {
  const traceId = newTraceId();
  const startNs = BigInt(Date.now() - 120_000) * 1_000_000n;

  beforeAll(async () => {
    for (const body of bigTraceRequests({ spans: SPANS, traceId, startNs })) {
      const answer = await app.postJson("/v1/traces", body);
      expect(answer.status, answer.body.toString()).toBe(200);
    }
  }, BIG_TIMEOUT_MS);

  it("is summarized whole and found by its last span's attribute", async () => {
    const { trace } = (await app.send(`/api/tracing/correlate/${traceId}`)).json() as { trace: { spanCount: number; errorCount: number; services: Array<{ name: string; spanCount: number }> } };
    expect(trace.spanCount).toBe(SPANS);
    // Every 997th span fails.
    expect(trace.errorCount).toBe(Math.floor((SPANS - 1) / 997));
    expect(trace.services.reduce((sum, service) => sum + service.spanCount, 0)).toBe(SPANS);
    const search = (await app.send(`/api/tracing/traces?tags=${encodeURIComponent(`import.item=${SPANS - 1}`)}`)).json() as { traces: Array<{ traceId: string }> };
    expect(search.traces.map((found) => found.traceId)).toEqual([traceId]);
  }, BIG_TIMEOUT_MS);

  it("answers the compact view with every span in tree order, and a span's detail", async () => {
    const answer = await app.send(`/api/tracing/traces/${traceId}?view=compact`);
    expect(answer.status).toBe(200);
    const trace = waterfallFromCompact(CompactTrace.parse(answer.json()));
    expect(trace.spans).toHaveLength(SPANS);
    expect(trace.spans[0].spanId).toBe(bigTraceSpanId(0));
    expect(trace.maxDepth).toBe(6);
    const lastSpanId = bigTraceSpanId(SPANS - 1);
    const detail = SpanDetailAnswer.parse((await app.send(`/api/tracing/traces/${traceId}/spans/${lastSpanId}`)).json());
    expect(detail.spans[0]).toMatchObject({ spanId: lastSpanId, attributes: { "import.item": SPANS - 1 } });
  }, BIG_TIMEOUT_MS);
});
