import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTraceId, spanIdOf, startTestApp, type TestApp } from "../support/test-app";

/** POST /api/tracing/cleanup?max_age_seconds=N deletes spans (and emptied summaries) older than N seconds. */

const SECOND = 1_000_000_000n;
const nowNs = () => BigInt(Date.now()) * 1_000_000n;

interface AgedSpan {
  traceId: string;
  id: number;
  parent?: number;
  ageSeconds: number;
  error?: boolean;
}

/** Posts spans that started `ageSeconds` ago (native batch, nanosecond strings). */
async function ingestAged(app: TestApp, spans: AgedSpan[]): Promise<void> {
  const now = nowNs();
  const answer = await app.postJson("/api/tracing/spans", {
    service_name: "retention",
    spans: spans.map(({ traceId, id, parent, ageSeconds, error }) => {
      const start = now - BigInt(ageSeconds) * SECOND;
      return {
        name: `span ${id}`,
        trace_id: traceId,
        span_id: spanIdOf(id),
        parent_span_id: parent === undefined ? undefined : spanIdOf(parent),
        start_time: start.toString(),
        end_time: (start + SECOND).toString(),
        status: error ? "error" : "ok",
      };
    }),
  });
  expect(answer.json()).toMatchObject({ accepted: spans.length, rejected: 0 });
}

const HOUR = 3600;

describe("cleanup and retention", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_RETENTION_HOURS: "24" } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("maxAgeSeconds_removesOlderSpans_keepsNewer_reportsCounts", async () => {
    const [oldTrace, mixedTrace, newTrace] = [newTraceId(), newTraceId(), newTraceId()];
    await ingestAged(app, [
      { traceId: oldTrace, id: 1, ageSeconds: 3 * HOUR },
      { traceId: oldTrace, id: 2, parent: 1, ageSeconds: 3 * HOUR - 1 },
      { traceId: mixedTrace, id: 1, ageSeconds: 2 * HOUR, error: true },
      { traceId: mixedTrace, id: 2, parent: 1, ageSeconds: 10 * 60 },
      { traceId: newTrace, id: 1, ageSeconds: 60 },
    ]);
    const before = Date.now();
    const answer = await app.send(`/api/tracing/cleanup?max_age_seconds=${HOUR}`, { method: "POST" });
    expect(answer.status).toBe(200);
    const result = answer.json() as { maxAgeSeconds: number; cutoff: string; deletedSpans: number; deletedTraces: number };
    expect(result).toEqual({ maxAgeSeconds: HOUR, cutoff: expect.any(String), deletedSpans: 3, deletedTraces: 1 });
    const cutoffMs = Date.parse(result.cutoff);
    expect(cutoffMs).toBeGreaterThanOrEqual(before - HOUR * 1000 - 1_000);
    expect(cutoffMs).toBeLessThanOrEqual(Date.now() - HOUR * 1000 + 1_000);

    expect(await app.spans({ traceId: oldTrace })).toEqual([]);
    expect(await app.traceSummary(oldTrace)).toEqual({ trace: null, services: [] });
    expect((await app.spans({ traceId: mixedTrace })).map((span) => span.spanId)).toEqual([spanIdOf(2)]);
    const mixed = await app.traceSummary(mixedTrace);
    expect(mixed.trace).toMatchObject({ spanCount: 1, errorCount: 0 });
    expect(mixed.services).toEqual([expect.objectContaining({ serviceName: "retention", spanCount: 1, errorCount: 0 })]);
    expect(await app.spans({ traceId: newTrace })).toHaveLength(1);
    expect((await app.traceSummary(newTrace)).trace).toMatchObject({ spanCount: 1 });
  });

  it("noMaxAge_usesTraceboardRetentionHours", async () => {
    const [expired, kept] = [newTraceId(), newTraceId()];
    await ingestAged(app, [
      { traceId: expired, id: 1, ageSeconds: 25 * HOUR },
      { traceId: kept, id: 1, ageSeconds: 23 * HOUR },
    ]);
    const answer = await app.send("/api/tracing/cleanup", { method: "POST" });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ maxAgeSeconds: 24 * HOUR, deletedSpans: 1, deletedTraces: 1 });
    expect(await app.spans({ traceId: expired })).toEqual([]);
    expect(await app.spans({ traceId: kept })).toHaveLength(1);
  });

  it.each([
    ["notANumber", "abc"],
    ["negative", "-5"],
    ["fraction", "1.5"],
    ["infinity", "Infinity"],
    ["beyondSafeInteger", "99999999999999999999"],
    // An empty value is not a number; read as 0 it would delete every span.
    ["empty", ""],
    ["blank", "%20"],
  ])("invalidMaxAge_%s_400_nothingDeleted", async (_name, value) => {
    const traceId = newTraceId();
    await ingestAged(app, [{ traceId, id: 1, ageSeconds: 5 }]);
    const answer = await app.send(`/api/tracing/cleanup?max_age_seconds=${value}`, { method: "POST" });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/max_age_seconds/) } });
    expect(await app.spans({ traceId })).toHaveLength(1);
  });

  // Valid non-negative integers whose cutoff (now - N s) lies before int64 nanoseconds can count (1677).
  it.each([
    ["twentyBillionSeconds", 20_000_000_000],
    ["maxSafeInteger", Number.MAX_SAFE_INTEGER],
  ])("hugeMaxAge_%s_noSpanOldEnough_200", async (_name, maxAge) => {
    const traceId = newTraceId();
    await ingestAged(app, [{ traceId, id: 1, ageSeconds: 5 }]);
    const answer = await app.send(`/api/tracing/cleanup?max_age_seconds=${maxAge}`, { method: "POST" });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ maxAgeSeconds: maxAge, deletedSpans: 0, deletedTraces: 0 });
    expect(await app.spans({ traceId })).toHaveLength(1);
  });
});
