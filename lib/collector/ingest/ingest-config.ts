import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const IngestEnv = z.object({
  TRACEBOARD_MAX_BODY_BYTES: positiveInt(20 * 1024 * 1024),
  TRACEBOARD_INGEST_TOKEN: z.string().min(1).optional(),
  /** Spans waiting to be committed, over all requests, before ingest answers 503. */
  TRACEBOARD_QUEUE_MAX_SPANS: positiveInt(200_000),
  /** Spans committed in one transaction at most. */
  TRACEBOARD_BATCH_MAX_SPANS: positiveInt(10_000),
});

export type IngestConfig = {
  maxBodyBytes: number;
  ingestToken: string | undefined;
  maxQueuedSpans: number;
  maxBatchSpans: number;
};

export function loadIngestConfig(env: Record<string, string | undefined> = process.env): IngestConfig {
  const parsed = IngestEnv.parse({
    ...env,
    TRACEBOARD_INGEST_TOKEN: env.TRACEBOARD_INGEST_TOKEN || undefined,
  });
  return {
    maxBodyBytes: parsed.TRACEBOARD_MAX_BODY_BYTES,
    ingestToken: parsed.TRACEBOARD_INGEST_TOKEN,
    maxQueuedSpans: parsed.TRACEBOARD_QUEUE_MAX_SPANS,
    maxBatchSpans: parsed.TRACEBOARD_BATCH_MAX_SPANS,
  };
}

let cached: IngestConfig | undefined;

export function ingestConfig(): IngestConfig {
  cached ??= loadIngestConfig();
  return cached;
}
