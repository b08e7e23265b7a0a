import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf, startTestApp, type TestApp } from "../support/test-app";

/** TRACEBOARD_INGEST_RATE_LIMIT: per-client span budgets answered with 429 and Retry-After. */

const T0 = 1_735_787_045_000_000_000n;

function body(spans: number) {
  const traceId = newTraceId();
  const list = Array.from({ length: spans }, (_, i) => otlpSpan({ traceId, spanId: spanIdOf(i), name: `op ${i}`, start: T0 + BigInt(i), end: T0 + 1_000n }));
  return { traceId, document: otlpRequest("limited", list) };
}

const LIMIT = { TRACEBOARD_INGEST_RATE_LIMIT: "10", TRACEBOARD_INGEST_RATE_BURST: "300" };

describe("ingest rate limit", () => {
  let app: TestApp;
  beforeAll(async () => {
    // The tests' HTTP client connects over loopback, trusted here as the proxy that tells clients apart.
    app = await startTestApp({ env: { ...LIMIT, TRACEBOARD_TRUSTED_PROXIES: "127.0.0.1,::1" } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const from = (address: string) => ({ "x-forwarded-for": address });

  it("a_client_over_its_budget_gets_429_with_retry_after_and_nothing_of_that_request_is_stored", async () => {
    const first = body(300);
    expect((await app.postJson("/v1/traces", first.document, from("10.0.0.1"))).status).toBe(200);
    const second = body(100);
    const refused = await app.postJson("/v1/traces", second.document, from("10.0.0.1"));
    expect(refused.status).toBe(429);
    // 100 spans at 10/s: at most 10 s, less by whatever refilled since the first request.
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(10);
    expect(refused.json()).toMatchObject({ code: 8, message: expect.stringContaining("rate limit") });
    expect(await app.spans({ traceId: first.traceId })).toHaveLength(300);
    expect(await app.spans({ traceId: second.traceId })).toHaveLength(0);
  });

  it("other_clients_keep_their_own_budget", async () => {
    expect((await app.postJson("/v1/traces", body(300).document, from("10.0.0.2"))).status).toBe(200);
  });

  it("applies_to_every_ingest_route", async () => {
    expect((await app.postJson("/v1/traces", body(300).document, from("10.0.0.3"))).status).toBe(200);
    const traceId = newTraceId();
    const zipkin = Array.from({ length: 100 }, (_, i) => ({ traceId, id: spanIdOf(i), name: "x", timestamp: 1_735_787_045_000_000, duration: 5 }));
    const answer = await app.postJson("/api/v2/spans", zipkin, from("10.0.0.3"));
    expect(answer.status).toBe(429);
    expect(answer.headers["retry-after"]).toBeDefined();
  });

  it("without_the_setting_there_is_no_limit", async () => {
    const unlimited = await startTestApp();
    try {
      for (let i = 0; i < 3; i++) expect((await unlimited.postJson("/v1/traces", body(400).document, from("10.0.0.9"))).status).toBe(200);
    } finally {
      await unlimited.close();
    }
  });
});

/** The hostile probe's two bypasses: rotating X-Forwarded-For values and batches larger than the burst. */
describe("ingest rate limit against a client that lies", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: LIMIT });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("rotating_forwarded_for_values_from_an_untrusted_peer_share_one_bucket", async () => {
    expect((await app.postJson("/v1/traces", body(300).document, { "x-forwarded-for": "not-an-ip-1" })).status).toBe(200);
    for (const forged of ["not-an-ip-2", "198.51.100.7", "10.0.0.1, 10.0.0.2"]) {
      const answer = await app.postJson("/v1/traces", body(50).document, { "x-forwarded-for": forged, "x-traceboard-peer": "203.0.113.9" });
      expect(answer.status, forged).toBe(429);
    }
  });
});

describe("ingest rate limit charges whole batches", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: LIMIT });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("a_batch_larger_than_the_burst_passes_once_then_the_client_waits_for_all_of_it", async () => {
    const big = body(1_000);
    expect((await app.postJson("/v1/traces", big.document)).status).toBe(200);
    expect(await app.spans({ traceId: big.traceId })).toHaveLength(1_000);
    const next = await app.postJson("/v1/traces", body(1).document);
    expect(next.status).toBe(429);
    // 1,000 spans against a burst of 300 at 10/s: about 70 s of debt before one more span fits.
    expect(Number(next.headers["retry-after"])).toBeGreaterThanOrEqual(65);
  });
});
