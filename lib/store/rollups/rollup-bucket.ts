/**
 * Width of a roll-up bucket: 5 minutes of span start time, aligned to the unix epoch.
 * The change-counter triggers of the `rollups` migration hard-code the same number.
 */
export const ROLLUP_BUCKET_NS = 300_000_000_000n;

/** The start of the roll-up bucket holding `timeNs` (times are never negative). */
export function rollupBucketOf(timeNs: bigint): bigint {
  return (timeNs / ROLLUP_BUCKET_NS) * ROLLUP_BUCKET_NS;
}
