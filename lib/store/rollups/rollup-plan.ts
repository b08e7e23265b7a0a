import { ROLLUP_BUCKET_NS } from "./rollup-bucket";

/** Half-open [from, to) of span start times, unix nanoseconds. */
export interface TimeRange {
  from: bigint;
  to: bigint;
}

/** Which part of a range whole roll-up buckets cover, and what is left to read from spans. */
export interface RangePlan {
  rolledUp: TimeRange | null;
  live: TimeRange[];
}

const ceilToBucket = (time: bigint) => ((time + ROLLUP_BUCKET_NS - 1n) / ROLLUP_BUCKET_NS) * ROLLUP_BUCKET_NS;
const floorToBucket = (time: bigint) => (time / ROLLUP_BUCKET_NS) * ROLLUP_BUCKET_NS;

/**
 * Splits `range` into the whole roll-up buckets inside it and the partial buckets at
 * its ends (read from spans, exactly). Without `useRollups` everything is read live.
 */
export function planRange(range: TimeRange, useRollups = true): RangePlan {
  const first = ceilToBucket(range.from);
  const end = floorToBucket(range.to);
  if (!useRollups || first >= end) return { rolledUp: null, live: range.from < range.to ? [range] : [] };
  const live: TimeRange[] = [];
  if (range.from < first) live.push({ from: range.from, to: first });
  if (end < range.to) live.push({ from: end, to: range.to });
  return { rolledUp: { from: first, to: end }, live };
}

/** Buckets recomputed per transaction: an hour, so a cold refresh never holds SQLite's write lock for long. */
const BUCKETS_PER_TRANSACTION = 12;

/** Consecutive stale buckets, at most BUCKETS_PER_TRANSACTION per group, so each group is one time range. */
export function groupConsecutive<T extends { bucketStartNs: bigint }>(buckets: readonly T[], maxPerGroup = BUCKETS_PER_TRANSACTION): T[][] {
  const groups: T[][] = [];
  for (const bucket of buckets) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    if (group && previous && group.length < maxPerGroup && bucket.bucketStartNs === previous.bucketStartNs + ROLLUP_BUCKET_NS) group.push(bucket);
    else groups.push([bucket]);
  }
  return groups;
}
