import "server-only";
import { getDb } from "../db";
import { metricConditions, type MetricFilter } from "./metric-filter-sql";
import { refreshRollups, sqlDialect } from "./refresh-rollups";
import { planRange, type TimeRange } from "./rollup-plan";
import { metricAggregateSql } from "./rollup-sql";
import { SqlParams } from "./sql-params";

/** Counts and latency histogram of the spans of one (bucket, service, span name, kind). */
export interface MetricRow {
  /** A roll-up bucket or a series bucket start; either lies inside one series bucket. */
  bucketStartNs: bigint;
  serviceName: string;
  spanName: string;
  kind: number;
  spanCount: number;
  errorCount: number;
  okCount: number;
  durationSumNs: bigint;
  /** JSON object: histogram index -> span count (latency-histogram.ts). */
  histogram: string;
}

/** Series buckets start at `originNs + k * stepNs`. */
export interface SeriesBuckets {
  originNs: bigint;
  stepNs: bigint;
}

interface RawMetricRow {
  bucket: string;
  service_name: string;
  span_name: string;
  kind: number | bigint;
  span_count: number | bigint;
  error_count: number | bigint;
  ok_count: number | bigint;
  duration_sum_ns: string;
  histogram: string;
}

/** The same column types from roll-up rows and from live aggregates on both databases. */
const TYPED_COLUMNS = `CAST(bucket AS TEXT) AS bucket, service_name, span_name, CAST(kind AS INTEGER) AS kind,
  CAST(span_count AS BIGINT) AS span_count, CAST(error_count AS BIGINT) AS error_count, CAST(ok_count AS BIGINT) AS ok_count,
  CAST(duration_sum_ns AS TEXT) AS duration_sum_ns, histogram`;

async function query(sql: string, params: SqlParams): Promise<MetricRow[]> {
  const rows = await getDb().$queryRawUnsafe<RawMetricRow[]>(sql, ...params.values);
  return rows.map((row) => ({
    bucketStartNs: BigInt(row.bucket),
    serviceName: row.service_name,
    spanName: row.span_name,
    kind: Number(row.kind),
    spanCount: Number(row.span_count),
    errorCount: Number(row.error_count),
    okCount: Number(row.ok_count),
    durationSumNs: BigInt(row.duration_sum_ns),
    histogram: row.histogram,
  }));
}

function readRolledUp(range: TimeRange, filter: MetricFilter): Promise<MetricRow[]> {
  const params = new SqlParams(sqlDialect());
  const where = metricConditions(params, "bucket_start_ns", "span_name", range.from, range.to, filter);
  return query(`SELECT ${TYPED_COLUMNS} FROM (SELECT metric_rollups.*, bucket_start_ns AS bucket FROM metric_rollups WHERE ${where}) AS m`, params);
}

function readLive(range: TimeRange, series: SeriesBuckets, filter: MetricFilter): Promise<MetricRow[]> {
  const params = new SqlParams(sqlDialect());
  const bucket = `${params.add(series.originNs)} + (start_time_ns - ${params.add(series.originNs)}) / ${params.add(series.stepNs)} * ${params.add(series.stepNs)}`;
  return query(`SELECT ${TYPED_COLUMNS} FROM (${metricAggregateSql(params, bucket, range.from, range.to, filter)}) AS m`, params);
}

/**
 * Metric rows of the spans starting in `range` that match `filter`: whole 5-minute
 * buckets from the roll-ups (refreshed first) when every series bucket is made of whole
 * roll-up buckets, everything else aggregated from the spans per series bucket.
 */
export async function readMetricRows(range: TimeRange, series: SeriesBuckets, filter: MetricFilter, useRollups: boolean): Promise<MetricRow[]> {
  const plan = planRange(range, useRollups);
  if (plan.rolledUp) await refreshRollups(plan.rolledUp.from, plan.rolledUp.to);
  const parts = await Promise.all([
    plan.rolledUp ? readRolledUp(plan.rolledUp, filter) : [],
    ...plan.live.map((live) => readLive(live, series, filter)),
  ]);
  return parts.flat();
}
