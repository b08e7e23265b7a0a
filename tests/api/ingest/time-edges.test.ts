import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf } from "../support/test-app";

/**
 * Times the store and its roll-ups cannot represent are refused at ingest (counted as
 * rejected), so no read can overflow afterwards. The probe's span started in 2262 and
 * made statistics answer 500 from then on.
 */
const YEAR_2262_NS = 9_223_372_036_000_000_000n;
const YEAR_2200_NS = 7_258_118_400_000_000_000n;
const NOW_NS = BigInt(Date.now()) * 1_000_000n;

describeOnEachDatabase("ingest at the edges of time", ({ app }) => {
  it.each([
    ["start_in_2262", YEAR_2262_NS, YEAR_2262_NS + 1_000n],
    ["end_in_2262", NOW_NS, YEAR_2262_NS],
    ["start_at_2200", YEAR_2200_NS + 1n, YEAR_2200_NS + 2n],
  ])("otlp_%s_is_rejected_as_partial_success_and_reads_still_answer", async (_name, start, end) => {
    const traceId = newTraceId();
    const good = otlpSpan({ traceId, spanId: spanIdOf(1), name: "now", start: NOW_NS, end: NOW_NS + 1_000n });
    const bad = otlpSpan({ traceId, spanId: spanIdOf(2), name: "edge", start, end });
    const answer = await app.postJson("/v1/traces", otlpRequest("time-edges", [good, bad]));
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ partialSuccess: { rejectedSpans: "1" } });
    expect(await app.spans({ traceId })).toHaveLength(1);
    for (const path of ["/api/tracing/statistics", "/api/tracing/metrics", "/api/tracing/dependencies", `/api/tracing/traces/${traceId}`]) {
      expect((await app.send(path)).status, path).toBe(200);
    }
  });

  it("native_iso_time_in_2262_is_rejected", async () => {
    const traceId = newTraceId();
    const span = { name: "edge", trace_id: traceId, span_id: spanIdOf(1), start_time: "2262-04-11T00:00:00Z", end_time: "2262-04-11T00:00:01Z" };
    const answer = await app.postJson("/api/tracing/spans", { service_name: "time-edges", spans: [span] });
    expect(answer.status).toBe(400);
    expect(await app.spans({ traceId })).toHaveLength(0);
  });

  it("zipkin_timestamp_after_2200_is_rejected", async () => {
    const traceId = newTraceId();
    const answer = await app.postJson("/api/v2/spans", [{ traceId, id: spanIdOf(1), name: "edge", timestamp: 8_000_000_000_000_000, duration: 5 }]);
    expect(answer.status).toBe(400);
    expect(answer.body.toString()).toMatch(/before 2200-01-01T00:00:00Z/);
    expect(await app.spans({ traceId })).toHaveLength(0);
  });
});
