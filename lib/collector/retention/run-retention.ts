import "server-only";
import { NS_PER_MS } from "@/lib/domain/time-units";
import { dropEmptyRollupsBefore } from "@/lib/store/rollups/drop-empty-rollups";
import { getSpanStore } from "@/lib/store/span-store";
import { nowUnixNano } from "@/lib/domain/clock";

/** Rows per delete transaction: small, so ingest keeps flowing between batches. */
export const RETENTION_BATCH_SIZE = 5_000;

export interface RetentionResult {
  maxAgeSeconds: number;
  cutoff: string;
  deletedSpans: number;
  deletedTraces: number;
}

function bigintMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/**
 * Deletes spans (and their trace summaries) that started more than `maxAgeSeconds` ago,
 * then the roll-ups of the buckets that deleting them emptied.
 */
export async function runRetention(maxAgeSeconds: number): Promise<RetentionResult> {
  // An age reaching back before 1970 means "everything older than the epoch": nothing.
  const cutoffNs = bigintMax(nowUnixNano() - BigInt(maxAgeSeconds) * 1_000_000_000n, 0n);
  const { spans, traces } = await getSpanStore().deleteOlderThan(cutoffNs, RETENTION_BATCH_SIZE);
  await dropEmptyRollupsBefore(cutoffNs);
  return {
    maxAgeSeconds,
    cutoff: new Date(Number(cutoffNs / NS_PER_MS)).toISOString(),
    deletedSpans: spans,
    deletedTraces: traces,
  };
}
