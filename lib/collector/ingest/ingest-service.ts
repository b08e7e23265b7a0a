import "server-only";
import { getSpanStore } from "@/lib/store/span-store";
import { ingestConfig } from "./ingest-config";
import { type IngestCounters, IngestQueue } from "./ingest-queue";

/**
 * Process-wide ingest state. Route bundles and instrumentation.ts may each load this
 * module, so the state lives on globalThis: one queue per process.
 */
const state = globalThis as unknown as {
  traceboardIngest?: { queue: IngestQueue; rejected: number };
};

function ingestState() {
  if (!state.traceboardIngest) {
    const { maxQueuedSpans, maxBatchSpans } = ingestConfig();
    state.traceboardIngest = { queue: new IngestQueue(getSpanStore(), { maxQueuedSpans, maxBatchSpans }), rejected: 0 };
  }
  return state.traceboardIngest;
}

export function ingestQueue(): IngestQueue {
  return ingestState().queue;
}

/** Counts spans a decoder rejected (bad ids, times...), for the statistics route. */
export function recordRejected(spans: number): void {
  ingestState().rejected += spans;
}

export function ingestCounters(): IngestCounters & { rejected: number } {
  const { queue, rejected } = ingestState();
  return { ...queue.stats(), rejected };
}
