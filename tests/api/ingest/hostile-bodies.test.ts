import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf, startTestApp, type TestApp } from "../support/test-app";

/**
 * Small bodies with huge item counts (the hostile probe: a 4 MB array of two million
 * numbers kept the server busy for 15 s). The cost of refusing them is bounded: the
 * items are counted before any is read, and reading stops at the first 1,000 bad ones.
 */
const twoMillionNumbers = `[${Array.from({ length: 2_000_000 }, (_, i) => i % 10).join(",")}]`;

describe("hostile ingest bodies", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each([
    ["zipkin", "/api/v2/spans", twoMillionNumbers],
    ["native", "/api/tracing/spans", twoMillionNumbers],
    ["native_object", "/api/tracing/spans", `{"spans":${twoMillionNumbers}}`],
    ["otlp", "/v1/traces", `{"resourceSpans":[{"scopeSpans":[{"spans":${twoMillionNumbers}}]}]}`],
  ])("%s_two_million_items_413_with_the_limit_at_once", async (_name, path, body) => {
    const started = performance.now();
    const answer = await app.send(path, { body, headers: { "content-type": "application/json" } });
    expect(answer.status).toBe(413);
    expect(answer.body.toString()).toMatch(/2000000 spans; at most 50000 per request/);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it.each([
    ["zipkin", "/api/v2/spans", 40_000],
    ["native", "/api/tracing/spans", 40_000],
  ])("%s_many_bad_items_stop_after_1000_rejections", async (_name, path, count) => {
    const body = `[${Array.from({ length: count }, () => "7").join(",")}]`;
    const answer = await app.send(path, { body, headers: { "content-type": "application/json" } });
    expect(answer.status).toBe(400);
    expect(answer.body.toString()).toMatch(/1000 spans rejected, so the request was not read further/);
  });

  it("the_health_check_answers_while_a_hostile_body_is_refused", async () => {
    const hostile = app.send("/api/v2/spans", { body: twoMillionNumbers, headers: { "content-type": "application/json" } });
    const slowest = await slowestHealthWhile(hostile);
    expect((await hostile).status).toBe(413);
    // Loose here (a loaded CI machine); `npm run fault:hostile-ingest` reports the figure against its 100 ms target.
    expect(slowest).toBeLessThan(1_000);
  });

  /** Asks /api/health until `work` settles; the slowest answer in ms. */
  async function slowestHealthWhile(work: Promise<unknown>): Promise<number> {
    let done = false;
    void work.finally(() => (done = true));
    let slowest = 0;
    while (!done) {
      const started = performance.now();
      expect((await app.send("/api/health")).status).toBe(200);
      slowest = Math.max(slowest, performance.now() - started);
    }
    return slowest;
  }

  // A 7 MB body decoded inline held the event loop for 150 ms and more; it is decoded on
  // the decode thread and handed to the writer in slices, and every span is stored.
  it("a_large_valid_body_is_stored_whole_while_the_health_check_answers", async () => {
    const traceId = newTraceId();
    const start = BigInt(Date.now() - 60_000) * 1_000_000n;
    const spans = Array.from({ length: 10_000 }, (_, i) =>
      otlpSpan({ traceId, spanId: spanIdOf(i + 1), name: `op-${i % 20}`, start, end: start + 1_000_000n, attributes: [{ key: "pad", value: { stringValue: "x".repeat(400) } }] }),
    );
    const body = JSON.stringify(otlpRequest("large-body", spans));
    expect(body.length).toBeGreaterThan(5_000_000);
    const sent = app.send("/v1/traces", { body, headers: { "content-type": "application/json" } });
    const slowest = await slowestHealthWhile(sent);
    expect((await sent).status).toBe(200);
    expect(await app.spans({ traceId })).toHaveLength(10_000);
    // Loose, as above; the drill measures it against 100 ms.
    expect(slowest).toBeLessThan(1_000);
  });
});
