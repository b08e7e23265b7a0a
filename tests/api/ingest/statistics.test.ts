import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf, startTestApp, type TestApp } from "../support/test-app";

/** GET /api/tracing/statistics agrees with the store and counts what ingest did. */

const T0 = 1_735_787_045_000_000_000n;

interface Statistics {
  total_spans: number;
  total_traces: number;
  storage_bytes: number;
  ingest: { accepted: number; rejected: number; duplicates: number; conflicts: number; refused: number; queue_depth: number; batches: number; dropped: number };
}

describe("GET /api/tracing/statistics of an empty store", () => {
  // Without self-tracing: otherwise this very request's spans may already sit in the
  // queue when it reads the counters (the exporter flushes on a 1 s timer, and a
  // request on a loaded machine can take longer than that).
  let quiet: TestApp;
  beforeAll(async () => {
    quiet = await startTestApp({ env: { TRACEBOARD_TRACING: "0" } });
  });
  afterAll(async () => {
    await quiet?.close();
  });

  it("emptyStore_zeros", async () => {
    const answer = await quiet.send("/api/tracing/statistics");
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({
      total_spans: 0,
      total_traces: 0,
      ingest: { accepted: 0, rejected: 0, duplicates: 0, conflicts: 0, refused: 0, queue_depth: 0, batches: 0, dropped: 0 },
    });
  });
});

describe("GET /api/tracing/statistics", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function statistics(): Promise<Statistics> {
    const answer = await app.send("/api/tracing/statistics");
    expect(answer.status).toBe(200);
    return answer.json() as Statistics;
  }

  async function storeCounts() {
    const db = app.modules.getDb();
    return { spans: await db.span.count(), traces: await db.trace.count() };
  }

  it("afterIngest_totalsMatchStore_countersMatchWhatWasSent", async () => {
    await app.flushSelfSpans();
    const start = await statistics();
    // The first call's own spans (its server span and one per database query) reach the
    // store and the counters once flushed; count from there.
    await app.flushSelfSpans();
    const startCounts = await storeCounts();
    const startAccepted = app.modules.ingestCounters().accepted;

    const otlpTrace = newTraceId();
    const otlp = otlpRequest("stats", [
      otlpSpan({ traceId: otlpTrace, spanId: spanIdOf(1), name: "a", start: T0, end: T0 + 10n }),
      otlpSpan({ traceId: otlpTrace, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: "b", start: T0, end: T0 + 5n, status: { code: 2 } }),
      otlpSpan({ traceId: otlpTrace, spanId: spanIdOf(3), parentSpanId: spanIdOf(1), name: "c", start: T0, end: T0 + 4n }),
      otlpSpan({ traceId: "bad", spanId: spanIdOf(4), name: "rejected", start: T0, end: T0 + 4n }),
    ]);
    expect((await app.postJson("/v1/traces", otlp)).json()).toMatchObject({ partialSuccess: { rejectedSpans: "1" } });
    expect((await app.postJson("/v1/traces", otlp)).status).toBe(200); // a retry: 3 duplicates, 1 rejected again
    const zipkinTrace = newTraceId();
    const rpc = { traceId: zipkinTrace, id: spanIdOf(1), name: "rpc", timestamp: 1735787045000000, duration: 3 };
    expect((await app.postJson("/api/v2/spans", [{ ...rpc, kind: "CLIENT" }, { ...rpc, kind: "SERVER", shared: true }])).status).toBe(202);
    const nativeTrace = newTraceId();
    const native = await app.postJson("/api/tracing/spans", {
      spans: [
        { name: "job", trace_id: nativeTrace, span_id: spanIdOf(1), start_time: 1735787045000, end_time: 1735787045001 },
        { name: "bad", trace_id: nativeTrace, span_id: "zz", start_time: 1735787045000, end_time: 1735787045001 },
      ],
    });
    expect(native.json()).toMatchObject({ accepted: 1, rejected: 1 });

    const stats = await statistics();
    const counts = await storeCounts();
    expect(counts).toEqual({ spans: startCounts.spans + 6, traces: startCounts.traces + 3 });
    expect({ total_spans: stats.total_spans, total_traces: stats.total_traces }).toEqual({ total_spans: counts.spans, total_traces: counts.traces });
    expect(stats.storage_bytes).toBeGreaterThan(0);
    expect(stats.ingest).toEqual({
      accepted: startAccepted + 6,
      rejected: start.ingest.rejected + 3,
      duplicates: start.ingest.duplicates + 3,
      // The duplicates above are plain retries: the same content, so no conflict.
      conflicts: 0,
      refused: 0,
      queue_depth: 0,
      batches: expect.any(Number),
      dropped: 0,
    });
    expect(stats.ingest.batches).toBeGreaterThanOrEqual(start.ingest.batches + 4);
  });
});
