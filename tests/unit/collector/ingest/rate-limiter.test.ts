import { describe, expect, it } from "vitest";
import { SpanRateLimiter } from "@/lib/collector/ingest/rate-limiter";

describe("SpanRateLimiter", () => {
  const options = { spansPerSecond: 100, burstSpans: 500 };

  it("allows_a_burst_then_refuses_with_the_seconds_until_enough_tokens", () => {
    const limiter = new SpanRateLimiter(options);
    expect(limiter.take("a", 500, 0)).toEqual({ allowed: true });
    expect(limiter.take("a", 250, 0)).toEqual({ allowed: false, retryAfterSeconds: 3 });
  });

  it("refills_at_the_rate_up_to_the_burst", () => {
    const limiter = new SpanRateLimiter(options);
    limiter.take("a", 500, 0);
    expect(limiter.take("a", 200, 2_000)).toEqual({ allowed: true });
    expect(limiter.take("a", 1, 2_000)).toMatchObject({ allowed: false });
    expect(limiter.take("a", 500, 60_000)).toEqual({ allowed: true });
  });

  it("clients_have_their_own_buckets", () => {
    const limiter = new SpanRateLimiter(options);
    limiter.take("a", 500, 0);
    expect(limiter.take("b", 500, 0)).toEqual({ allowed: true });
  });

  it("a_batch_larger_than_the_burst_passes_when_the_bucket_is_full_and_is_charged_whole", () => {
    const limiter = new SpanRateLimiter(options);
    expect(limiter.take("a", 2_000, 0)).toEqual({ allowed: true });
    // 500 - 2,000 = -1,500 tokens; one second later -1,400, and the next batch needs a full 500.
    expect(limiter.take("a", 2_000, 1_000)).toEqual({ allowed: false, retryAfterSeconds: 19 });
    expect(limiter.take("a", 1, 15_000)).toMatchObject({ allowed: false });
    expect(limiter.take("a", 1, 15_010)).toEqual({ allowed: true });
  });

  it("the_probe_cannot_send_80000_spans_in_11_seconds_at_100_per_second", () => {
    // The hostile probe's pattern: 2,000-span batches as fast as answers come back.
    const limiter = new SpanRateLimiter(options);
    let accepted = 0;
    for (let ms = 0; ms <= 11_000; ms += 10) if (limiter.take("probe", 2_000, ms).allowed) accepted += 2_000;
    // Over any window the average holds: the burst plus the rate, rounded up to one batch.
    expect(accepted).toBeLessThanOrEqual(options.burstSpans + 11 * options.spansPerSecond + 2_000);
    expect(accepted).toBe(2_000);
  });

  it("refuses_a_batch_right_after_a_debt_with_retry_after_until_it_fits", () => {
    const limiter = new SpanRateLimiter(options);
    limiter.take("a", 300, 0);
    expect(limiter.take("a", 300, 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take("a", 300, 1_000)).toEqual({ allowed: true });
  });

  it("forgets_the_least_recently_seen_clients_past_the_cap", () => {
    const limiter = new SpanRateLimiter({ ...options, maxClients: 2 });
    limiter.take("a", 500, 0);
    limiter.take("b", 500, 0);
    limiter.take("c", 500, 0);
    // "a" was evicted, so it starts with a full bucket again; "c" is still empty.
    expect(limiter.take("a", 500, 0)).toEqual({ allowed: true });
    expect(limiter.take("c", 1, 0)).toMatchObject({ allowed: false });
  });
});
