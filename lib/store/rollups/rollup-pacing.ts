import { ROLLUP_BUCKET_NS } from "./rollup-bucket";
import type { StaleBucket } from "./rollup-state-sql";

/**
 * A bucket recomputed before and stale again is still changing (a bucket being filled
 * or emptied, late spans). Each recompute reads the whole bucket, so one that keeps
 * changing waits PACE_FACTOR times its last compute time (at least MIN_REPEAT_MS)
 * before the next: at most a 1/(PACE_FACTOR + 1) share of a core per changing bucket,
 * and its roll-up lags by about that interval. The bucket of the present, still open,
 * waits OPEN_PACE_FACTOR times instead: under ingest it changes all the time, is the
 * largest to recompute, and reads take a range's open end from the spans anyway
 * (rollup-plan.ts). Measured here (2 cores, shared, noisy): bench:ingest at 0.48 of the
 * raw rate without the maintainer, 0.34-0.42 with the open bucket at 10 times; at 100
 * spans/s into a full bucket (bench:rollups) factor 10 gave a 2.8 s p95 lag for 8.5%
 * of a core, 20 a 5.1 s p95 for 5.3%, 40 an 8.5 s p95 for 3.1%. A bucket not computed lately
 * goes first, newest first: catching up (after a start, a late batch) is not paced.
 */
export const PACE_FACTOR = 10;
export const OPEN_PACE_FACTOR = 20;
export const MIN_REPEAT_MS = 1_000;

interface LastCompute {
  endedMs: number;
  costMs: number;
  open: boolean;
}

/** Decides which stale bucket a maintainer recomputes next. */
export class RollupPacing {
  private readonly computed = new Map<bigint, LastCompute>();

  private dueMs(last: LastCompute): number {
    return last.endedMs + Math.max(MIN_REPEAT_MS, (last.open ? OPEN_PACE_FACTOR : PACE_FACTOR) * last.costMs);
  }

  /** The bucket to recompute now, or undefined when every stale bucket must wait. */
  next(stale: readonly StaleBucket[], nowMs: number): StaleBucket | undefined {
    for (const [bucket, last] of this.computed) if (this.dueMs(last) <= nowMs) this.computed.delete(bucket);
    return stale.findLast((bucket) => !this.computed.has(bucket.bucketStartNs));
  }

  /** Notes a recompute of `bucketStartNs` that took `costMs` and ended at `nowMs`. */
  record(bucketStartNs: bigint, costMs: number, nowMs: number): void {
    const open = nowMs < Number((bucketStartNs + ROLLUP_BUCKET_NS) / 1_000_000n);
    this.computed.set(bucketStartNs, { endedMs: nowMs, costMs, open });
  }
}
