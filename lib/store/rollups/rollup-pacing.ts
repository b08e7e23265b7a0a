import type { StaleBucket } from "./rollup-state-sql";

/**
 * A bucket recomputed before and stale again is still changing (the live bucket under
 * ingest, a bucket being filled or emptied). Each recompute reads the whole bucket, so
 * one that keeps changing waits PACE_FACTOR times its last compute time (at least
 * MIN_REPEAT_MS) before the next: at most a 1/(PACE_FACTOR + 1) share of a core per
 * changing bucket, and its roll-up lags by about that interval. A bucket not computed
 * lately goes first, newest first: catching up (after a start, a late batch) is not paced.
 */
export const PACE_FACTOR = 10;
export const MIN_REPEAT_MS = 1_000;

interface LastCompute {
  endedMs: number;
  costMs: number;
}

/** Decides which stale bucket a maintainer recomputes next. */
export class RollupPacing {
  private readonly computed = new Map<bigint, LastCompute>();

  constructor(
    private readonly paceFactor = PACE_FACTOR,
    private readonly minRepeatMs = MIN_REPEAT_MS,
  ) {}

  private dueMs(last: LastCompute): number {
    return last.endedMs + Math.max(this.minRepeatMs, this.paceFactor * last.costMs);
  }

  /** The bucket to recompute now, or undefined when every stale bucket must wait. */
  next(stale: readonly StaleBucket[], nowMs: number): StaleBucket | undefined {
    for (const [bucket, last] of this.computed) if (this.dueMs(last) <= nowMs) this.computed.delete(bucket);
    return stale.findLast((bucket) => !this.computed.has(bucket.bucketStartNs));
  }

  /** Notes a recompute of `bucketStartNs` that took `costMs` and ended at `nowMs`. */
  record(bucketStartNs: bigint, costMs: number, nowMs: number): void {
    this.computed.set(bucketStartNs, { endedMs: nowMs, costMs });
  }
}
