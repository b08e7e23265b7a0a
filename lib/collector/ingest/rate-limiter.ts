export interface RateLimitOptions {
  /** Spans per second a client may send on average. */
  spansPerSecond: number;
  /** Spans a client may send at once after being idle. */
  burstSpans: number;
  /** Clients remembered at most; the least recently seen are forgotten first. */
  maxClients?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

const DEFAULT_MAX_CLIENTS = 10_000;

/**
 * Per-client token buckets counted in spans: a request costs its whole span count, so
 * one huge batch and many small ones are treated alike. A batch larger than the burst
 * is let through only when the bucket is full, and then drives it into debt, so the
 * client waits until its average is back under the rate (Retry-After says when).
 * Memory is bounded: a Map in recency order, oldest clients evicted past `maxClients`.
 */
export class SpanRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: RateLimitOptions) {}

  take(client: string, spans: number, nowMs = Date.now()): RateDecision {
    const { spansPerSecond, burstSpans } = this.options;
    const bucket = this.buckets.get(client) ?? { tokens: burstSpans, updatedMs: nowMs };
    this.buckets.delete(client);
    bucket.tokens = Math.min(burstSpans, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * spansPerSecond);
    bucket.updatedMs = nowMs;
    this.buckets.set(client, bucket);
    this.evictOldest();
    const needed = Math.min(spans, burstSpans);
    if (bucket.tokens >= needed) {
      bucket.tokens -= spans;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((needed - bucket.tokens) / spansPerSecond)) };
  }

  private evictOldest(): void {
    const max = this.options.maxClients ?? DEFAULT_MAX_CLIENTS;
    while (this.buckets.size > max) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
