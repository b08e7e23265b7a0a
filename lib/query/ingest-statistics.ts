import "server-only";
import { ingestCounters } from "@/lib/collector/ingest/ingest-service";
import { getSpanStore } from "@/lib/store/span-store";

/** Storage and ingest figures; issue 4 adds the span distributions beside them. */
export async function ingestStatistics() {
  const storage = await getSpanStore().storageStats();
  const ingest = ingestCounters();
  return {
    total_spans: storage.spans,
    total_traces: storage.traces,
    storage_bytes: storage.bytes,
    ingest: {
      accepted: ingest.accepted,
      rejected: ingest.rejected,
      duplicates: ingest.duplicates,
      refused: ingest.refused,
      queue_depth: ingest.queueDepth,
      batches: ingest.batches,
      dropped: ingest.dropped,
    },
  };
}
