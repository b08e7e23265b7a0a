import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { DeleteResult } from "./span-store-contract";

export const DEFAULT_DELETE_BATCH_SIZE = 5_000;

/** Refuses a batch size that is not a positive integer. */
export function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer (got ${batchSize})`);
}

/**
 * Runs `deleteBatch` (one transaction removing at most `batchSize` spans) until a
 * batch comes back short, yielding between batches so queued ingest gets its turn.
 */
export async function deleteInBatches(
  deleteBatch: (cutoffNs: bigint, batchSize: number) => Promise<DeleteResult> | DeleteResult,
  cutoffNs: bigint,
  batchSize: number,
): Promise<DeleteResult> {
  checkBatchSize(batchSize);
  const total: DeleteResult = { spans: 0, traces: 0 };
  for (;;) {
    const batch = await deleteBatch(cutoffNs, batchSize);
    total.spans += batch.spans;
    total.traces += batch.traces;
    if (batch.spans < batchSize) return total;
    await yieldToEventLoop();
  }
}
