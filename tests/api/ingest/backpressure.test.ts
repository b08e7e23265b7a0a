import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IngestError } from "@/lib/collector/ingest/ingest-errors";
import { IngestQueue, type SpanWriter } from "@/lib/collector/ingest/ingest-queue";
import type { SpanRecord } from "@/lib/domain/span-record";
import { decodeProtobufStatus, encodeProtobufRequest, otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf, startTestApp, type HttpAnswer, type SendOptions, type TestApp } from "../support/test-app";

/** A full ingest queue answers 503 with Retry-After; whatever was acknowledged is in the store. */

const MAX_QUEUED = 10;
const T0 = 1_735_787_045_000_000_000n;

function otlpBody(traceId: string, spans: number): string {
  const list = Array.from({ length: spans }, (_, i) =>
    otlpSpan({ traceId, spanId: spanIdOf(i), name: `op ${i}`, start: T0 + BigInt(i), end: T0 + 1_000n + BigInt(i) }),
  );
  return JSON.stringify(otlpRequest("burst", list));
}

const json = (body: string): SendOptions => ({ body, headers: { "content-type": "application/json" } });

describe("IngestQueue with a slow writer", () => {
  it("refusesSubmitsBeyondMaxQueuedSpans_with503AndRetryAfter", async () => {
    const written: number[] = [];
    const slowWriter: SpanWriter = {
      async writeSpans(spans) {
        await sleep(30);
        written.push(spans.length);
        return { inserted: spans.length, duplicates: 0, conflicts: [] };
      },
    };
    const queue = new IngestQueue(slowWriter, { maxQueuedSpans: MAX_QUEUED, maxBatchSpans: 100 });
    const four = () => Array.from({ length: 4 }, () => ({}) as SpanRecord);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => queue.submit(four())));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "rejected"]);
    for (const result of results.slice(2)) {
      const reason = (result as PromiseRejectedResult).reason as IngestError;
      expect(reason).toBeInstanceOf(IngestError);
      expect([reason.status, reason.retryAfterSeconds]).toEqual([503, 1]);
    }
    expect(written.reduce((a, b) => a + b, 0)).toBe(8);
    expect(queue.stats()).toEqual({ accepted: 8, duplicates: 0, conflicts: 0, refused: 12, queueDepth: 0, batches: written.length, dropped: 0 });
  });
});

describe(`ingest routes with TRACEBOARD_QUEUE_MAX_SPANS=${MAX_QUEUED} and a slow store`, () => {
  let app: TestApp;
  let gate: Promise<void> | null = null;
  let delayMs = 0;

  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_QUEUE_MAX_SPANS: String(MAX_QUEUED) } });
    const store = app.modules.getSpanStore();
    const writeSpans = store.writeSpans.bind(store);
    vi.spyOn(store, "writeSpans").mockImplementation(async (spans) => {
      if (gate) await gate;
      if (delayMs) await sleep(delayMs);
      return writeSpans(spans);
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function untilQueued(spans: number): Promise<void> {
    for (let i = 0; i < 500 && app.modules.ingestCounters().queueDepth < spans; i++) await sleep(5);
    expect(app.modules.ingestCounters().queueDepth).toBe(spans);
  }

  const REFUSED: Array<{ name: string; path: string; options: (traceId: string) => SendOptions; check: (answer: HttpAnswer) => void }> = [
    {
      name: "otlpJson_statusCode14",
      path: "/v1/traces",
      options: (traceId) => json(otlpBody(traceId, 1)),
      check: (answer) => {
        expect(answer.headers["content-type"]).toMatch(/^application\/json/);
        expect(answer.json()).toEqual({ code: 14, message: expect.stringMatching(/queue is full/i) });
      },
    },
    {
      name: "otlpProtobuf_statusCode14",
      path: "/v1/traces",
      options: (traceId) => ({
        body: encodeProtobufRequest(JSON.parse(otlpBody(traceId, 1)) as object),
        headers: { "content-type": "application/x-protobuf" },
      }),
      check: (answer) => {
        expect(answer.headers["content-type"]).toBe("application/x-protobuf");
        expect(decodeProtobufStatus(answer.body)).toEqual({ code: 14, message: expect.stringMatching(/queue is full/i) });
      },
    },
    {
      name: "zipkin_unavailable",
      path: "/api/v2/spans",
      options: (traceId) =>
        json(JSON.stringify([{ traceId, id: spanIdOf(0), name: "z", timestamp: 1735787045000000, duration: 5, localEndpoint: { serviceName: "z" } }])),
      check: (answer) => expect(answer.json()).toMatchObject({ error: { code: "unavailable", message: expect.stringMatching(/queue is full/i) } }),
    },
    {
      name: "native_unavailable",
      path: "/api/tracing/spans",
      options: (traceId) => json(JSON.stringify({ spans: [{ name: "n", trace_id: traceId, span_id: spanIdOf(0), start_time: 1735787045000, end_time: 1735787045001 }] })),
      check: (answer) => expect(answer.json()).toMatchObject({ error: { code: "unavailable", message: expect.stringMatching(/queue is full/i) } }),
    },
  ];

  it.each(REFUSED)("$name: fullQueue_503WithRetryAfter_blockedRequestStillCommitted", async ({ path, options, check }) => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    const blockerTrace = newTraceId();
    const blocker = app.send("/v1/traces", json(otlpBody(blockerTrace, MAX_QUEUED)));
    await untilQueued(MAX_QUEUED);

    const refusedTrace = newTraceId();
    const answer = await app.send(path, options(refusedTrace));
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toBe("1");
    check(answer);

    gate = null;
    release();
    expect((await blocker).status).toBe(200);
    expect(await app.spans({ traceId: blockerTrace })).toHaveLength(MAX_QUEUED);
    expect(await app.spans({ traceId: refusedTrace.padStart(32, "0") })).toHaveLength(0);
  });

  it("concurrentBurst_someRefused_everyAcknowledgedSpanStored_retriesComplete", async () => {
    delayMs = 40;
    const refusedBefore = app.modules.ingestCounters().refused;
    const requests = Array.from({ length: 24 }, () => ({ traceId: newTraceId(), body: "" }));
    for (const request of requests) request.body = otlpBody(request.traceId, 4);
    const answers = await Promise.all(requests.map((request) => app.send("/v1/traces", json(request.body))));

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 200 || status === 503), statuses.join()).toBe(true);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
    for (const answer of answers.filter((a) => a.status === 503)) {
      expect(answer.headers["retry-after"]).toBe("1");
      expect(answer.json()).toMatchObject({ code: 14 });
    }
    // 2xx means committed: every acknowledged request is complete, no refused one is partly there.
    for (const [i, request] of requests.entries()) {
      const stored = await app.spans({ traceId: request.traceId });
      expect(stored.length, `request ${i} answered ${statuses[i]}`).toBe(statuses[i] === 200 ? 4 : 0);
    }
    const refusedRequests = statuses.filter((status) => status === 503).length;
    expect(app.modules.ingestCounters().refused - refusedBefore).toBe(refusedRequests * 4);

    // Clients retry after Retry-After; in the end nothing is missing and nothing doubled.
    delayMs = 0;
    for (const [i, request] of requests.entries()) {
      let status = statuses[i];
      for (let attempt = 0; status !== 200 && attempt < 20; attempt++) status = (await app.send("/v1/traces", json(request.body))).status;
      expect(status).toBe(200);
    }
    for (const request of requests) expect(await app.spans({ traceId: request.traceId })).toHaveLength(4);
    expect(app.modules.ingestCounters()).toMatchObject({ queueDepth: 0, dropped: 0 });
  });
});
