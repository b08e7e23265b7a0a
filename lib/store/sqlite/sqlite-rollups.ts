import Database from "better-sqlite3";
import { ROLLUP_BUCKET_NS } from "../rollups/rollup-bucket";
import type { TimeRange } from "../rollups/rollup-plan";
import { dependencyAggregateSql, metricAggregateSql, rollupBucketSql } from "../rollups/rollup-sql";
import {
  bucketCountersSql,
  bucketsFrom,
  deleteBucketsSql,
  deleteCountersSql,
  deleteRowsSql,
  emptyBucketsBeforeSql,
  ROLLUP_ROW_TABLES,
  staleBucketsSql,
  upsertVersionsSql,
  type RawBucket,
  type StaleBucket,
} from "../rollups/rollup-state-sql";
import { SqlParams, type SqlParam } from "../sql-params";

/** Milliseconds the brief write transaction waits for the ingest writer's lock. */
const BUSY_TIMEOUT_MS = 5_000;

/** Roll-up maintenance on a connection of its own (synchronous: it runs on the roll-up thread). */
export interface SqliteRollups {
  staleBuckets(range?: TimeRange): StaleBucket[];
  /** Recomputes every bucket starting in `range` (whole buckets, consecutive) and records their counters. */
  recompute(range: TimeRange): void;
  /** Removes the roll-up rows and counters of the empty buckets ending at or before `cutoffNs` (states keep the last version); returns how many. */
  dropEmptyBefore(cutoffNs: bigint): number;
  close(): void;
}

export function openSqliteRollups(filename: string): SqliteRollups {
  const db = new Database(filename, { timeout: BUSY_TIMEOUT_MS });
  db.defaultSafeIntegers(true);
  const all = (sql: string, params: SqlParams) => db.prepare(sql).all(...params.values);
  const run = (sql: string, params: SqlParams) => db.prepare(sql).run(...params.values);
  const insertMetric = db.prepare(
    `INSERT INTO metric_rollups (bucket_start_ns, service_name, span_name, kind, span_count, error_count, ok_count, duration_sum_ns, histogram)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDependency = db.prepare(
    "INSERT INTO dependency_rollups (bucket_start_ns, parent_service, child_service, call_count, error_count) VALUES (?, ?, ?, ?, ?)",
  );

  const rowsOf = (sql: string, params: SqlParams) => db.prepare(sql).raw(true).all(...params.values) as SqlParam[][];

  /** One read transaction: the counters and the aggregates see the same snapshot, so the versions are exact. */
  const read = db.transaction((range: TimeRange) => {
    const counters = new SqlParams("sqlite");
    const buckets = bucketsFrom(all(bucketCountersSql(counters, range), counters) as RawBucket[]);
    const metrics = new SqlParams("sqlite");
    const metricRows = rowsOf(metricAggregateSql(metrics, rollupBucketSql("start_time_ns"), range.from, range.to), metrics);
    const dependencies = new SqlParams("sqlite");
    const dependencyRows = rowsOf(dependencyAggregateSql(dependencies, rollupBucketSql, range.from, range.to), dependencies);
    return { buckets, metricRows, dependencyRows };
  });

  /** The brief write: rows and versions replaced in one IMMEDIATE transaction, no aggregation inside it. */
  const write = db.transaction((range: TimeRange, computed: ReturnType<typeof read>) => {
    for (const table of ROLLUP_ROW_TABLES) {
      const params = new SqlParams("sqlite");
      run(deleteRowsSql(table, params, range), params);
    }
    for (const row of computed.metricRows) insertMetric.run(row);
    for (const row of computed.dependencyRows) insertDependency.run(row);
    if (computed.buckets.length === 0) return;
    const versions = new SqlParams("sqlite");
    run(upsertVersionsSql(versions, computed.buckets), versions);
  });

  const dropEmpty = db.transaction((cutoffNs: bigint): number => {
    const candidates = new SqlParams("sqlite");
    const empty = bucketsFrom(all(emptyBucketsBeforeSql(candidates, cutoffNs), candidates) as RawBucket[]);
    if (empty.length === 0) return 0;
    const counters = new SqlParams("sqlite");
    const deleted = new Set((all(deleteCountersSql(counters, empty), counters) as Array<{ bucket: string }>).map((row) => BigInt(row.bucket)));
    if (deleted.size === 0) return 0;
    for (const table of ROLLUP_ROW_TABLES) {
      const params = new SqlParams("sqlite");
      run(deleteBucketsSql(table, params, [...deleted]), params);
    }
    const versions = new SqlParams("sqlite");
    run(upsertVersionsSql(versions, empty.filter((bucket) => deleted.has(bucket.bucketStartNs))), versions);
    return deleted.size;
  });

  return {
    staleBuckets(range) {
      const params = new SqlParams("sqlite");
      return bucketsFrom(all(staleBucketsSql(params, range), params) as RawBucket[]);
    },
    recompute(range) {
      if (range.from % ROLLUP_BUCKET_NS !== 0n || range.to % ROLLUP_BUCKET_NS !== 0n) throw new RangeError("a recompute covers whole buckets");
      write.immediate(range, read(range));
    },
    dropEmptyBefore(cutoffNs) {
      let dropped = 0;
      for (let batch = dropEmpty.immediate(cutoffNs); batch > 0; batch = dropEmpty.immediate(cutoffNs)) dropped += batch;
      return dropped;
    },
    close: () => db.close(),
  };
}
