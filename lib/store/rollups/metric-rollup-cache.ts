import "server-only";
import { getDb, type Db } from "../db";
import type { MetricFilter } from "./metric-filter-sql";
import { metricRowsFrom, TYPED_METRIC_COLUMNS, type MetricRow, type RawMetricRow } from "./metric-row";
import { sqlDialect } from "./refresh-rollups";
import type { TimeRange } from "./rollup-plan";
import { SqlParams } from "../sql-params";

/** Buckets kept in memory: a week of 5-minute buckets. */
const MAX_CACHED_BUCKETS = 2016;

interface CachedBucket {
  version: bigint;
  rows: MetricRow[];
}

/** Per database client, so a process (or a test run) opening another database never mixes their buckets. */
const caches = new WeakMap<Db, Map<bigint, CachedBucket>>();

function cacheOf(db: Db): Map<bigint, CachedBucket> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

function matches(row: MetricRow, filter: MetricFilter): boolean {
  return (
    (filter.serviceName === undefined || row.serviceName === filter.serviceName) &&
    (filter.spanName === undefined || row.spanName === filter.spanName) &&
    (filter.kinds === undefined || filter.kinds.includes(row.kind))
  );
}

/**
 * The roll-up rows of the (refreshed) buckets in `range` matching `filter`. Reading and
 * converting a day of rows costs more than the rest of a metrics query, so each bucket's
 * rows stay in memory with the version they were computed at; every call checks the
 * versions in the database and rereads only buckets recomputed since (by any process).
 */
export async function readMetricRollups(range: TimeRange, filter: MetricFilter): Promise<MetricRow[]> {
  const db = getDb();
  const dialect = sqlDialect();
  const states = new SqlParams(dialect);
  const versions = await db.$queryRawUnsafe<Array<{ bucket: string; version: string }>>(
    `SELECT CAST(bucket_start_ns AS TEXT) AS bucket, CAST(version AS TEXT) AS version FROM rollup_states
     WHERE bucket_start_ns >= ${states.add(range.from)} AND bucket_start_ns < ${states.add(range.to)}`,
    ...states.values,
  );
  const cached = cacheOf(db);
  const missing = versions.filter(({ bucket, version }) => cached.get(BigInt(bucket))?.version !== BigInt(version));
  if (missing.length > 0) {
    const params = new SqlParams(dialect);
    // Rows and their state are replaced in one transaction, so this one statement reads a consistent pair.
    const rows = await db.$queryRawUnsafe<Array<RawMetricRow & { version: string }>>(
      `SELECT ${TYPED_METRIC_COLUMNS}, CAST(version AS TEXT) AS version FROM (
         SELECT m.*, m.bucket_start_ns AS bucket, s.version FROM metric_rollups m JOIN rollup_states s ON s.bucket_start_ns = m.bucket_start_ns
         WHERE m.bucket_start_ns IN (${missing.map(({ bucket }) => params.add(BigInt(bucket))).join(", ")})
       ) AS r`,
      ...params.values,
    );
    const fresh = new Map<bigint, CachedBucket>(missing.map(({ bucket, version }) => [BigInt(bucket), { version: BigInt(version), rows: [] }]));
    // A bucket recomputed between the two reads is kept at the version its rows carry; the next call checks again.
    metricRowsFrom(rows).forEach((row, index) => {
      const entry = fresh.get(row.bucketStartNs)!;
      entry.version = BigInt(rows[index].version);
      entry.rows.push(row);
    });
    for (const [bucket, entry] of fresh) {
      cached.delete(bucket);
      cached.set(bucket, entry);
    }
    for (const bucket of cached.keys()) {
      if (cached.size <= MAX_CACHED_BUCKETS) break;
      cached.delete(bucket);
    }
  }
  return versions.flatMap(({ bucket }) => cached.get(BigInt(bucket))?.rows.filter((row) => matches(row, filter)) ?? []);
}
