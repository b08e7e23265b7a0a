import "server-only";
import { getDb } from "../db";
import type { MetricFilter } from "./metric-filter-sql";
import { readMetricRollups } from "./metric-rollup-cache";
import { metricRowsFrom, TYPED_METRIC_COLUMNS, type MetricRow, type RawMetricRow } from "./metric-row";
import { refreshRollups, sqlDialect } from "./refresh-rollups";
import { planRange, type TimeRange } from "./rollup-plan";
import { metricAggregateSql } from "./rollup-sql";
import { SqlParams } from "../sql-params";

export type { MetricRow };

/** Series buckets start at `originNs + k * stepNs`. */
export interface SeriesBuckets {
  originNs: bigint;
  stepNs: bigint;
}

async function readLive(range: TimeRange, series: SeriesBuckets, filter: MetricFilter): Promise<MetricRow[]> {
  const params = new SqlParams(sqlDialect());
  const bucket = `${params.add(series.originNs)} + (start_time_ns - ${params.add(series.originNs)}) / ${params.add(series.stepNs)} * ${params.add(series.stepNs)}`;
  const sql = `SELECT ${TYPED_METRIC_COLUMNS} FROM (${metricAggregateSql(params, bucket, range.from, range.to, filter)}) AS m`;
  return metricRowsFrom(await getDb().$queryRawUnsafe<RawMetricRow[]>(sql, ...params.values));
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
    plan.rolledUp ? readMetricRollups(plan.rolledUp, filter) : [],
    ...plan.live.map((live) => readLive(live, series, filter)),
  ]);
  return parts.flat();
}
