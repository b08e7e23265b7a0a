import { ROLLUP_BUCKET_NS } from "./rollup-bucket";
import { groupConsecutive, type TimeRange } from "./rollup-plan";
import { dependencyAggregateSql, metricAggregateSql, rollupBucketSql } from "./rollup-sql";
import {
  BUCKETS_PER_STATEMENT,
  bucketsFrom,
  deleteBucketsSql,
  deleteCountersSql,
  deleteRowsSql,
  emptyBucketsBeforeSql,
  ROLLUP_ROW_TABLES,
  staleBucketsSql,
  upsertVersionsSql,
  type RawBucket,
} from "./rollup-state-sql";
import { AWAIT_SPAN_WRITES_SQL } from "../postgres/span-write-barrier";
import { SqlParams, type SqlParam } from "../sql-params";

/** The statements of one open transaction: Prisma's interactive transaction, or a pg client between BEGIN and COMMIT. */
export interface SqlSession {
  query<T>(sql: string, values: readonly SqlParam[]): Promise<T[]>;
  execute(sql: string, values: readonly SqlParam[]): Promise<void>;
}

/**
 * pg_advisory_xact_lock key serializing roll-up writes across app instances: recomputes
 * (two would delete each other's fresh rows) and clean-ups (which must not remove a
 * bucket a recompute is writing).
 */
const ROLLUP_WRITE_LOCK_KEY = 73_020_114;

async function lockRollupWrites(session: SqlSession): Promise<void> {
  await session.execute(`SELECT pg_advisory_xact_lock(${ROLLUP_WRITE_LOCK_KEY})`, []);
}

async function run(session: SqlSession, build: (params: SqlParams) => string): Promise<void> {
  const params = new SqlParams("postgresql");
  await session.execute(build(params), params.values);
}

async function select<T>(session: SqlSession, build: (params: SqlParams) => string): Promise<T[]> {
  const params = new SqlParams("postgresql");
  return session.query<T>(build(params), params.values);
}

/**
 * In an open transaction: takes the roll-up write lock, then recomputes the buckets of
 * `range` that are still stale (another instance may have just done some), reading the
 * counters before the spans, so a stored version never claims spans the rows lack, and
 * waiting between the two for the span writes in flight (span-write-barrier.ts).
 * Resolves to the number of buckets recomputed.
 */
export async function recomputeStale(session: SqlSession, range: TimeRange): Promise<number> {
  await lockRollupWrites(session);
  // Each statement below reads a few buckets of spans through an index; with statistics
  // lagging a fast load the planner scanned all spans instead (as the trigger did, see
  // migration 20261207130000), so recomputes grew with the table.
  await session.execute("SET LOCAL enable_seqscan = off", []);
  const stale = bucketsFrom(await select<RawBucket>(session, (params) => staleBucketsSql(params, range)));
  // Spans written by transactions still open now must be in what is read below (span-write-barrier.ts).
  if (stale.length > 0) await session.execute(AWAIT_SPAN_WRITES_SQL, []);
  for (const group of groupConsecutive(stale)) {
    const groupRange = { from: group[0].bucketStartNs, to: group.at(-1)!.bucketStartNs + ROLLUP_BUCKET_NS };
    for (const table of ROLLUP_ROW_TABLES) await run(session, (params) => deleteRowsSql(table, params, groupRange));
    await run(
      session,
      (params) => `INSERT INTO metric_rollups (bucket_start_ns, service_name, span_name, kind, span_count, error_count, ok_count, duration_sum_ns, histogram)
        ${metricAggregateSql(params, rollupBucketSql("start_time_ns"), groupRange.from, groupRange.to)}`,
    );
    await run(
      session,
      (params) => `INSERT INTO dependency_rollups (bucket_start_ns, parent_service, child_service, call_count, error_count)
        ${dependencyAggregateSql(params, rollupBucketSql, groupRange.from, groupRange.to)}`,
    );
    await run(session, (params) => upsertVersionsSql(params, group));
  }
  return stale.length;
}

/**
 * In an open transaction: removes the roll-up rows and counters of up to
 * BUCKETS_PER_STATEMENT empty buckets ending at or before `cutoffNs` (their states keep
 * the last version, see emptyBucketsBeforeSql). Resolves to the buckets removed and whether
 * more may be left.
 */
export async function dropEmptyBatch(session: SqlSession, cutoffNs: bigint): Promise<{ dropped: number; more: boolean }> {
  await lockRollupWrites(session);
  const empty = bucketsFrom(await select<RawBucket>(session, (params) => emptyBucketsBeforeSql(params, cutoffNs)));
  if (empty.length === 0) return { dropped: 0, more: false };
  const deleted = new Set((await select<{ bucket: string }>(session, (params) => deleteCountersSql(params, empty))).map((row) => BigInt(row.bucket)));
  if (deleted.size > 0) {
    for (const table of ROLLUP_ROW_TABLES) await run(session, (params) => deleteBucketsSql(table, params, [...deleted]));
    await run(session, (params) => upsertVersionsSql(params, empty.filter((bucket) => deleted.has(bucket.bucketStartNs))));
  }
  return { dropped: deleted.size, more: empty.length === BUCKETS_PER_STATEMENT && deleted.size > 0 };
}
