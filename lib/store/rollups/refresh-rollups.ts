import "server-only";
import { getDb } from "../db";
import { resolveDatabaseTarget } from "../database-target";
import type { SqlDialect } from "../table-writes";
import { ROLLUP_BUCKET_NS } from "./rollup-bucket";
import { groupConsecutive } from "./rollup-plan";
import { dependencyAggregateSql, metricAggregateSql, rollupBucketSql } from "./rollup-sql";
import { SqlParams } from "../sql-params";

/** pg_advisory_xact_lock key serializing refreshes across app instances (two would delete each other's fresh rows). */
const REFRESH_LOCK_KEY = 73_020_114;

interface StaleBucket {
  bucketStartNs: bigint;
  changes: bigint;
}

export function sqlDialect(): SqlDialect {
  return resolveDatabaseTarget().provider;
}

/** Buckets in [from, to) whose roll-up is missing or older than their change counter; all of them without bounds. */
async function staleBuckets(dialect: SqlDialect, from?: bigint, to?: bigint): Promise<StaleBucket[]> {
  const params = new SqlParams(dialect);
  const range = from === undefined || to === undefined ? "" : `AND c.bucket_start_ns >= ${params.add(from)} AND c.bucket_start_ns < ${params.add(to)}`;
  const rows = await getDb().$queryRawUnsafe<Array<{ bucket: string; changes: string }>>(
    `SELECT CAST(c.bucket_start_ns AS TEXT) AS bucket, CAST(c.changes AS TEXT) AS changes
     FROM rollup_changes c LEFT JOIN rollup_states s ON s.bucket_start_ns = c.bucket_start_ns
     WHERE (s.version IS NULL OR s.version <> c.changes) ${range}
     ORDER BY c.bucket_start_ns`,
    ...params.values,
  );
  return rows.map((row) => ({ bucketStartNs: BigInt(row.bucket), changes: BigInt(row.changes) }));
}

/**
 * Replaces the roll-up rows of consecutive buckets in one transaction and records the
 * change counters they were read at. The counters were read before the spans are, so
 * a span arriving meanwhile leaves the version behind its counter and the bucket is
 * recomputed next time: a stored version never claims spans the rows lack.
 */
async function recompute(dialect: SqlDialect, group: readonly StaleBucket[]): Promise<void> {
  const from = group[0].bucketStartNs;
  const to = group.at(-1)!.bucketStartNs + ROLLUP_BUCKET_NS;
  const db = getDb();
  const metrics = new SqlParams(dialect);
  const metricSelect = metricAggregateSql(metrics, rollupBucketSql("start_time_ns"), from, to);
  const dependencies = new SqlParams(dialect);
  const dependencySelect = dependencyAggregateSql(dependencies, rollupBucketSql, from, to);
  const versions = new SqlParams(dialect);
  const versionRows = group.map((bucket) => `(${versions.add(bucket.bucketStartNs)}, ${versions.add(bucket.changes)})`).join(", ");
  const lock = dialect === "postgresql" ? [db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`)] : [];
  const deleteRows = (table: string) => {
    const params = new SqlParams(dialect);
    return db.$executeRawUnsafe(`DELETE FROM ${table} WHERE bucket_start_ns >= ${params.add(from)} AND bucket_start_ns < ${params.add(to)}`, ...params.values);
  };
  await db.$transaction([
    ...lock,
    deleteRows("metric_rollups"),
    deleteRows("dependency_rollups"),
    db.$executeRawUnsafe(
      `INSERT INTO metric_rollups (bucket_start_ns, service_name, span_name, kind, span_count, error_count, ok_count, duration_sum_ns, histogram)
       ${metricSelect}`,
      ...metrics.values,
    ),
    db.$executeRawUnsafe(
      `INSERT INTO dependency_rollups (bucket_start_ns, parent_service, child_service, call_count, error_count) ${dependencySelect}`,
      ...dependencies.values,
    ),
    db.$executeRawUnsafe(
      `INSERT INTO rollup_states (bucket_start_ns, version) VALUES ${versionRows}
       ON CONFLICT (bucket_start_ns) DO UPDATE SET version = excluded.version`,
      ...versions.values,
    ),
  ]);
}

/**
 * Brings the roll-ups of every bucket starting in [from, to) up to date with the spans
 * (all buckets when no bounds are given), recomputing only buckets whose spans, or
 * whose spans' parents or children, changed since they were computed.
 */
export async function refreshRollups(from?: bigint, to?: bigint): Promise<void> {
  const dialect = sqlDialect();
  for (const group of groupConsecutive(await staleBuckets(dialect, from, to))) await recompute(dialect, group);
}
