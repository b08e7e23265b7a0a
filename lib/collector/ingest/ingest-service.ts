import "server-only";
import { getSpanStore } from "@/lib/store/span-store";
import { ingestConfig } from "./ingest-config";
import { type IngestCounters, IngestQueue } from "./ingest-queue";
import { type RateDecision, SpanRateLimiter } from "./rate-limiter";

/**
 * Process-wide ingest state. Route bundles and instrumentation.ts may each load this
 * module, so the state lives on globalThis: one queue per process.
 */
const state = globalThis as unknown as {
  traceboardIngest?: { queue: IngestQueue; limiter: SpanRateLimiter | null; rejected: number };
};

function ingestState() {
  if (!state.traceboardIngest) {
    const { maxQueuedSpans, maxBatchSpans, rateLimit } = ingestConfig();
    state.traceboardIngest = {
      queue: new IngestQueue(getSpanStore(), { maxQueuedSpans, maxBatchSpans }),
      limiter: rateLimit ? new SpanRateLimiter(rateLimit) : null,
      rejected: 0,
    };
  }
  return state.traceboardIngest;
}

export function ingestQueue(): IngestQueue {
  return ingestState().queue;
}

/** Charges `spans` to `client` when TRACEBOARD_INGEST_RATE_LIMIT is set; always allowed otherwise. */
export function takeIngestRate(client: string, spans: number): RateDecision {
  return ingestState().limiter?.take(client, spans) ?? { allowed: true };
}

/** Counts spans a decoder rejected (bad ids, times...), for the statistics route. */
export function recordRejected(spans: number): void {
  ingestState().rejected += spans;
}

export function ingestCounters(): IngestCounters & { rejected: number } {
  const { queue, rejected } = ingestState();
  return { ...queue.stats(), rejected };
}
