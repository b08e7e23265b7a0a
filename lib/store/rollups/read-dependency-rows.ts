import "server-only";
import { StatusCode } from "@/lib/domain/span-record";
import { getDb } from "../db";
import { refreshRollups, sqlDialect } from "./refresh-rollups";
import { planRange, type TimeRange } from "./rollup-plan";
import { dependencyAggregateSql } from "./rollup-sql";
import { SqlParams } from "../sql-params";

export interface DependencyEdgeRow {
  parentService: string;
  childService: string;
  callCount: number;
  errorCount: number;
}

export interface ServiceSpanRow {
  serviceName: string;
  spanCount: number;
  errorCount: number;
}

type Count = number | bigint | string;

async function edges(sql: string, params: SqlParams): Promise<DependencyEdgeRow[]> {
  const rows = await getDb().$queryRawUnsafe<Array<{ parent_service: string; child_service: string; call_count: Count; error_count: Count }>>(
    `SELECT parent_service, child_service, CAST(call_count AS BIGINT) AS call_count, CAST(error_count AS BIGINT) AS error_count FROM (${sql}) AS e`,
    ...params.values,
  );
  return rows.map((row) => ({
    parentService: row.parent_service,
    childService: row.child_service,
    callCount: Number(row.call_count),
    errorCount: Number(row.error_count),
  }));
}

async function services(sql: string, params: SqlParams): Promise<ServiceSpanRow[]> {
  const rows = await getDb().$queryRawUnsafe<Array<{ service_name: string; span_count: Count; error_count: Count }>>(
    `SELECT service_name, CAST(span_count AS BIGINT) AS span_count, CAST(error_count AS BIGINT) AS error_count FROM (${sql}) AS s`,
    ...params.values,
  );
  return rows.map((row) => ({ serviceName: row.service_name, spanCount: Number(row.span_count), errorCount: Number(row.error_count) }));
}

function rolledUpEdges(range: TimeRange) {
  const params = new SqlParams(sqlDialect());
  return edges(
    `SELECT parent_service, child_service, sum(call_count) AS call_count, sum(error_count) AS error_count FROM dependency_rollups
     WHERE bucket_start_ns >= ${params.add(range.from)} AND bucket_start_ns < ${params.add(range.to)} GROUP BY parent_service, child_service`,
    params,
  );
}

function liveEdges(range: TimeRange) {
  const params = new SqlParams(sqlDialect());
  return edges(dependencyAggregateSql(params, () => "0", range.from, range.to), params);
}

function rolledUpServices(range: TimeRange) {
  const params = new SqlParams(sqlDialect());
  return services(
    `SELECT service_name, sum(span_count) AS span_count, sum(error_count) AS error_count FROM metric_rollups
     WHERE bucket_start_ns >= ${params.add(range.from)} AND bucket_start_ns < ${params.add(range.to)} GROUP BY service_name`,
    params,
  );
}

function liveServices(range: TimeRange) {
  const params = new SqlParams(sqlDialect());
  return services(
    `SELECT service_name, count(*) AS span_count, sum(CASE WHEN status_code = ${StatusCode.ERROR} THEN 1 ELSE 0 END) AS error_count FROM spans
     WHERE start_time_ns >= ${params.add(range.from)} AND start_time_ns < ${params.add(range.to)} GROUP BY service_name`,
    params,
  );
}

/**
 * Cross-service call counts (by the calling span's start) and span counts per service
 * (by span start) in `range`, unmerged: whole 5-minute buckets from the roll-ups, the
 * partial buckets at the ends (or everything, without `useRollups`) from the spans.
 * Each list may name a pair or service more than once.
 */
export async function readDependencyRows(range: TimeRange, useRollups = true): Promise<{ edges: DependencyEdgeRow[]; services: ServiceSpanRow[] }> {
  const plan = planRange(range, useRollups);
  if (plan.rolledUp) await refreshRollups(plan.rolledUp.from, plan.rolledUp.to);
  const [edgeParts, serviceParts] = await Promise.all([
    Promise.all([plan.rolledUp ? rolledUpEdges(plan.rolledUp) : [], ...plan.live.map(liveEdges)]),
    Promise.all([plan.rolledUp ? rolledUpServices(plan.rolledUp) : [], ...plan.live.map(liveServices)]),
  ]);
  return { edges: edgeParts.flat(), services: serviceParts.flat() };
}
