import { z } from "zod";
import type { NormalizeLimits } from "../normalize";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const IngestEnv = z.object({
  TRACEBOARD_MAX_BODY_BYTES: positiveInt(20 * 1024 * 1024),
  /** Spans waiting to be committed, over all requests, before ingest answers 503. */
  TRACEBOARD_QUEUE_MAX_SPANS: positiveInt(200_000),
  /** Spans committed in one transaction at most. */
  TRACEBOARD_BATCH_MAX_SPANS: positiveInt(10_000),
  /** Spans one request may carry (413 above it); bounds the work a small hostile body can cause. */
  TRACEBOARD_MAX_SPANS_PER_REQUEST: positiveInt(50_000),
  /** Spans per second one client may send on average; unset means no limit. */
  TRACEBOARD_INGEST_RATE_LIMIT: z.coerce.number().positive().optional(),
  /** Spans one client may send at once; default five seconds' worth of the rate. */
  TRACEBOARD_INGEST_RATE_BURST: z.coerce.number().int().positive().optional(),
});

/** Seconds of the rate a client may spend at once when no burst is configured. */
const DEFAULT_BURST_SECONDS = 5;

export type IngestConfig = {
  maxBodyBytes: number;
  maxQueuedSpans: number;
  maxBatchSpans: number;
  rateLimit: { spansPerSecond: number; burstSpans: number } | null;
  normalizeLimits: NormalizeLimits;
};

/** Rejected spans after which a request is refused whole: enough to report a few bad spans in a good batch. */
const MAX_REJECTED_SPANS = 1_000;

export function loadIngestConfig(env: Record<string, string | undefined> = process.env): IngestConfig {
  const parsed = IngestEnv.parse({
    ...env,
    TRACEBOARD_INGEST_RATE_LIMIT: env.TRACEBOARD_INGEST_RATE_LIMIT || undefined,
    TRACEBOARD_INGEST_RATE_BURST: env.TRACEBOARD_INGEST_RATE_BURST || undefined,
  });
  const rate = parsed.TRACEBOARD_INGEST_RATE_LIMIT;
  return {
    maxBodyBytes: parsed.TRACEBOARD_MAX_BODY_BYTES,
    maxQueuedSpans: parsed.TRACEBOARD_QUEUE_MAX_SPANS,
    maxBatchSpans: parsed.TRACEBOARD_BATCH_MAX_SPANS,
    normalizeLimits: { maxSpans: parsed.TRACEBOARD_MAX_SPANS_PER_REQUEST, maxRejected: MAX_REJECTED_SPANS },
    rateLimit: rate
      ? { spansPerSecond: rate, burstSpans: parsed.TRACEBOARD_INGEST_RATE_BURST ?? Math.ceil(rate * DEFAULT_BURST_SECONDS) }
      : null,
  };
}

let cached: IngestConfig | undefined;

export function ingestConfig(): IngestConfig {
  cached ??= loadIngestConfig();
  return cached;
}
