import { expect, it } from "vitest";
import type { MetricsResponse } from "@/lib/api/contracts/metrics";
import { SpanKind } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { NS_PER_MINUTE, span, uniqueService, withinRelativeError, writeSpans } from "./support/seed-spans";

/** A 5-minute-aligned instant (2025-01-01T00:00:00Z), far from the self-tracing spans the app records now. */
const T = 1_735_689_600_000_000_000n;
const millis = (ns: bigint) => (ns / 1_000_000n).toString();
const at = (minutes: number, seconds = 0) => T + BigInt(minutes) * NS_PER_MINUTE + BigInt(seconds) * 1_000_000_000n;

type Red = Pick<MetricsResponse["series"][number], "requestCount" | "errorCount" | "errorRate" | "p50Ms" | "p95Ms" | "p99Ms">;

/** Counts exactly, quantiles within the stated 1% of the exact nearest-rank values. */
function expectRed(actual: Red, expected: { requests: number; errors: number; p50: number | null; p95: number | null; p99: number | null }) {
  expect({ requestCount: actual.requestCount, errorCount: actual.errorCount, errorRate: actual.errorRate }).toEqual({
    requestCount: expected.requests,
    errorCount: expected.errors,
    errorRate: expected.requests === 0 ? null : expected.errors / expected.requests,
  });
  for (const [field, exact] of [["p50Ms", expected.p50], ["p95Ms", expected.p95], ["p99Ms", expected.p99]] as const) {
    if (exact === null) expect(actual[field], field).toBeNull();
    else expect(withinRelativeError(actual[field], exact), `${field} ${actual[field]} vs ${exact}`).toBe(true);
  }
}

describeOnEachDatabase("GET /api/tracing/metrics", ({ app }) => {
  async function metrics(params: Record<string, string>): Promise<MetricsResponse> {
    const answer = await app.send(`/api/tracing/metrics?${new URLSearchParams(params)}`);
    expect(answer.status, answer.body.toString()).toBe(200);
    return answer.json() as MetricsResponse;
  }

  /**
   * Minute 1: server spans of 10, 20, 30 and 40 ms (the 40 ms one an error), a client
   * span and an internal one (not requests by default). Minute 6: consumer spans of
   * 100 ms (error) and 300 ms. Minute 7: a 5 ms server span of another operation.
   */
  async function seedShop(service: string) {
    await writeSpans(app, [
      ...[10, 20, 30, 40].map((durationMs) => span({ service, name: "GET /cart", startNs: at(1), durationMs, error: durationMs === 40 })),
      span({ service, name: "SELECT", kind: SpanKind.CLIENT, startNs: at(1), durationMs: 2 }),
      span({ service, name: "render", kind: SpanKind.INTERNAL, startNs: at(1), durationMs: 3, error: true }),
      span({ service, name: "orders.process", kind: SpanKind.CONSUMER, startNs: at(6), durationMs: 100, error: true }),
      span({ service, name: "orders.process", kind: SpanKind.CONSUMER, startNs: at(6), durationMs: 300 }),
      span({ service, name: "GET /health", startNs: at(7), durationMs: 5 }),
      span({ service: `${service}-other`, name: "GET /cart", startNs: at(1), durationMs: 1000 }),
    ]);
  }

  it("series_buckets_count_server_and_consumer_spans_with_error_rates_and_quantiles", async () => {
    const service = uniqueService("shop");
    await seedShop(service);
    const answer = await metrics({ service, start: millis(T), end: millis(at(10) - 1n), step: "5m" });
    expect(answer).toMatchObject({ startTimeUnixNano: T.toString(), stepMs: 300_000, kinds: ["server", "consumer"], quantileRelativeError: 0.01 });
    expect(answer.series.map((point) => point.startTimeUnixNano)).toEqual([T.toString(), at(5).toString()]);
    expectRed(answer.series[0], { requests: 4, errors: 1, p50: 20, p95: 40, p99: 40 });
    expectRed(answer.series[1], { requests: 3, errors: 1, p50: 100, p95: 300, p99: 300 });
  });

  it("per_operation_table_covers_the_window_most_requests_first", async () => {
    const service = uniqueService("shop");
    await seedShop(service);
    const { operations } = await metrics({ service, start: millis(T), end: millis(at(10) - 1n), step: "5m" });
    expect(operations.map(({ operation, kind, avgMs }) => ({ operation, kind, avgMs }))).toEqual([
      { operation: "GET /cart", kind: "server", avgMs: 25 },
      { operation: "orders.process", kind: "consumer", avgMs: 200 },
      { operation: "GET /health", kind: "server", avgMs: 5 },
    ]);
    expectRed(operations[0], { requests: 4, errors: 1, p50: 20, p95: 40, p99: 40 });
    expectRed(operations[1], { requests: 2, errors: 1, p50: 100, p95: 300, p99: 300 });
    expect(operations.every((row) => row.service === service)).toBe(true);
  });

  it.each<{ name: string; params: Record<string, string>; requests: number; errors: number }>([
    { name: "kind_counts_only_that_kind", params: { kind: "internal" }, requests: 1, errors: 1 },
    { name: "operation_filters_by_span_name", params: { operation: "orders.process" }, requests: 2, errors: 1 },
    { name: "kind_and_operation_combine", params: { kind: "client", operation: "SELECT" }, requests: 1, errors: 0 },
    { name: "no_match_is_empty_not_an_error", params: { operation: "nothing" }, requests: 0, errors: 0 },
  ])("$name", async ({ params, requests, errors }) => {
    const service = uniqueService("shop");
    await seedShop(service);
    const answer = await metrics({ service, start: millis(T), end: millis(at(10) - 1n), step: "10m", ...params });
    expect(answer.series).toHaveLength(1);
    expect({ requests: answer.series[0].requestCount, errors: answer.series[0].errorCount }).toEqual({ requests, errors });
    expect(answer.operations.reduce((sum, row) => sum + row.requestCount, 0)).toBe(requests);
  });

  it("steps_below_five_minutes_read_spans_and_agree_with_roll_ups", async () => {
    const service = uniqueService("shop");
    await seedShop(service);
    const window = { service, start: millis(T), end: millis(at(10) - 1n) };
    const minutes = await metrics({ ...window, step: "60" });
    expect(minutes.stepMs).toBe(60_000);
    expect(minutes.series.map((point) => point.requestCount)).toEqual([0, 4, 0, 0, 0, 0, 2, 1, 0, 0]);
    expect(minutes.series[0]).toMatchObject({ errorRate: null, p50Ms: null });
    const rolledUp = await metrics({ ...window, step: "5m" });
    expect(minutes.operations).toEqual(rolledUp.operations);
  });

  it("a_window_cutting_buckets_counts_only_spans_inside_it", async () => {
    const service = uniqueService("edges");
    // One span every minute at :30 from minute 0 to 14; the window is 2m10s .. 12m10s.
    await writeSpans(app, Array.from({ length: 15 }, (_, minute) => span({ service, startNs: at(minute, 30), durationMs: minute + 1 })));
    const answer = await metrics({ service, start: millis(at(2, 10)), end: millis(at(12, 10)), step: "5m" });
    expect(answer.series.map((point) => [point.startTimeUnixNano, point.requestCount])).toEqual([
      [T.toString(), 3],
      [at(5).toString(), 5],
      [at(10).toString(), 2],
    ]);
    expectRed(answer.operations[0], { requests: 10, errors: 0, p50: 7, p95: 12, p99: 12 });
  });

  it("late_spans_for_a_cached_bucket_are_counted", async () => {
    const service = uniqueService("late");
    const window = { service, start: millis(T), end: millis(at(10) - 1n), step: "5m" };
    await writeSpans(app, [span({ service, startNs: at(1), durationMs: 10 })]);
    expect((await metrics(window)).series[0].requestCount).toBe(1);
    await writeSpans(app, [span({ service, startNs: at(2), durationMs: 50, error: true }), span({ service, startNs: at(3), durationMs: 90 })]);
    const after = await metrics(window);
    expectRed(after.series[0], { requests: 3, errors: 1, p50: 50, p95: 90, p99: 90 });
  });

  it.each<{ name: string; params: Record<string, string>; path: string; message: RegExp }>([
    { name: "step_not_a_duration", params: { step: "soon" }, path: "step", message: /invalid step/ },
    { name: "step_below_one_second", params: { step: "500ms" }, path: "step", message: /at least 1s/ },
    { name: "step_giving_too_many_buckets", params: { start: "2025-01-01T00:00:00Z", end: "2025-01-02T00:00:00Z", step: "1s" }, path: "step", message: /86401 buckets.*at most 2000.*at least 44s/ },
    { name: "start_after_end", params: { start: "2025-01-02T00:00:00Z", end: "2025-01-01T00:00:00Z" }, path: "start", message: /start must not be after end/ },
    { name: "unknown_kind", params: { kind: "rpc" }, path: "kind", message: /"unspecified"\|"internal"\|"server"\|"client"\|"producer"\|"consumer"/ },
  ])("bad_input_$name_is_400", async ({ params, path, message }) => {
    const answer = await app.send(`/api/tracing/metrics?${new URLSearchParams(params)}`);
    expect(answer.status).toBe(400);
    const { error } = answer.json() as { error: { code: string; message: string; details: Array<{ path: string }> } };
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(message);
    expect(error.details.map((detail) => detail.path)).toContain(path);
  });
});
