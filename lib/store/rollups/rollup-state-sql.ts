import { ROLLUP_BUCKET_NS } from "./rollup-bucket";
import type { TimeRange } from "./rollup-plan";
import type { SqlParams } from "../sql-params";

/** A bucket whose roll-up is missing or older than its change counter. */
export interface StaleBucket {
  bucketStartNs: bigint;
  changes: bigint;
}

/** A bucket and its change counter, as the SQL below returns them (text: exact in every driver). */
export interface RawBucket {
  bucket: string;
  changes: string;
}

export const ROLLUP_ROW_TABLES = ["metric_rollups", "dependency_rollups"] as const;

/** Buckets (and a cleanup's candidates) are handled this many per statement, far below every placeholder limit. */
export const BUCKETS_PER_STATEMENT = 500;

export function bucketsFrom(rows: readonly RawBucket[]): StaleBucket[] {
  return rows.map((row) => ({ bucketStartNs: BigInt(row.bucket), changes: BigInt(row.changes) }));
}

/** Stale buckets starting in `range` (all of them without one), oldest first. */
export function staleBucketsSql(params: SqlParams, range?: TimeRange): string {
  const within = range ? `AND c.bucket_start_ns >= ${params.add(range.from)} AND c.bucket_start_ns < ${params.add(range.to)}` : "";
  return `SELECT CAST(c.bucket_start_ns AS TEXT) AS bucket, CAST(c.changes AS TEXT) AS changes
    FROM rollup_changes c LEFT JOIN rollup_states s ON s.bucket_start_ns = c.bucket_start_ns
    WHERE (s.version IS NULL OR s.version <> c.changes) ${within}
    ORDER BY c.bucket_start_ns`;
}

/** Every bucket with a change counter starting in `range`: what a recompute of the range records as its versions. */
export function bucketCountersSql(params: SqlParams, range: TimeRange): string {
  return `SELECT CAST(bucket_start_ns AS TEXT) AS bucket, CAST(changes AS TEXT) AS changes FROM rollup_changes
    WHERE bucket_start_ns >= ${params.add(range.from)} AND bucket_start_ns < ${params.add(range.to)}`;
}

export function deleteRowsSql(table: (typeof ROLLUP_ROW_TABLES)[number], params: SqlParams, range: TimeRange): string {
  return `DELETE FROM ${table} WHERE bucket_start_ns >= ${params.add(range.from)} AND bucket_start_ns < ${params.add(range.to)}`;
}

/** Records the counters the rows were computed at; `buckets` must not be empty. */
export function upsertVersionsSql(params: SqlParams, buckets: readonly StaleBucket[]): string {
  const rows = buckets.map((bucket) => `(${params.add(bucket.bucketStartNs)}, ${params.add(bucket.changes)})`).join(", ");
  return `INSERT INTO rollup_states (bucket_start_ns, version) VALUES ${rows}
    ON CONFLICT (bucket_start_ns) DO UPDATE SET version = excluded.version`;
}

/**
 * Buckets that end at or before `cutoffNs` and hold no span (retention emptied them),
 * with their counters, at most BUCKETS_PER_STATEMENT of them: a clean-up removes their
 * roll-up rows and counter instead of recomputing them as empty, and records the
 * counter as their state's version (a counter created again continues from it: the
 * `rollup_counters_continue` migration).
 */
export function emptyBucketsBeforeSql(params: SqlParams, cutoffNs: bigint): string {
  return `SELECT CAST(c.bucket_start_ns AS TEXT) AS bucket, CAST(c.changes AS TEXT) AS changes FROM rollup_changes c
    WHERE c.bucket_start_ns <= ${params.add(cutoffNs - ROLLUP_BUCKET_NS)}
      AND NOT EXISTS (SELECT 1 FROM spans WHERE start_time_ns >= c.bucket_start_ns AND start_time_ns < c.bucket_start_ns + ${ROLLUP_BUCKET_NS})
    ORDER BY c.bucket_start_ns LIMIT ${BUCKETS_PER_STATEMENT}`;
}

/**
 * Deletes the counters of `buckets` that still hold the value read, returning the
 * buckets deleted. A span inserted meanwhile bumped its counter, so its bucket keeps
 * counter and roll-up (and is recomputed): a deleted counter never hides a span.
 */
export function deleteCountersSql(params: SqlParams, buckets: readonly StaleBucket[]): string {
  const matches = buckets.map((bucket) => `(bucket_start_ns = ${params.add(bucket.bucketStartNs)} AND changes = ${params.add(bucket.changes)})`);
  return `DELETE FROM rollup_changes WHERE ${matches.join(" OR ")} RETURNING CAST(bucket_start_ns AS TEXT) AS bucket`;
}

/** Deletes the roll-up rows (`table`) of the given bucket starts. */
export function deleteBucketsSql(table: (typeof ROLLUP_ROW_TABLES)[number], params: SqlParams, buckets: readonly bigint[]): string {
  return `DELETE FROM ${table} WHERE bucket_start_ns IN (${buckets.map((bucket) => params.add(bucket)).join(", ")})`;
}
