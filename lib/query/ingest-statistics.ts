import "server-only";
import type { StatisticsResponse } from "@/lib/api/contracts/statistics";
import { ingestCounters } from "@/lib/collector/ingest/ingest-service";
import { getSpanStore } from "@/lib/store/span-store";
import { spanStatistics } from "./span-statistics";

/** Storage and ingest figures with the span distributions beside them. */
export async function ingestStatistics(): Promise<StatisticsResponse> {
  const [storage, spans] = await Promise.all([getSpanStore().storageStats(), spanStatistics()]);
  const ingest = ingestCounters();
  return {
    total_spans: storage.spans,
    total_traces: storage.traces,
    ...spans,
    storage_bytes: storage.bytes,
    ingest: {
      accepted: ingest.accepted,
      rejected: ingest.rejected,
      duplicates: ingest.duplicates,
      conflicts: ingest.conflicts,
      refused: ingest.refused,
      queue_depth: ingest.queueDepth,
      batches: ingest.batches,
      dropped: ingest.dropped,
    },
  };
}
