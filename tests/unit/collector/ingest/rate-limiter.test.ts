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

  it("a_batch_larger_than_the_burst_passes_when_the_bucket_is_full", () => {
    const limiter = new SpanRateLimiter(options);
    expect(limiter.take("a", 2_000, 0)).toEqual({ allowed: true });
    expect(limiter.take("a", 2_000, 1_000)).toEqual({ allowed: false, retryAfterSeconds: 4 });
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
