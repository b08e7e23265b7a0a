import { StatusCode, SpanKind } from "@/lib/domain/span-record";
import { histogramIndexSql } from "./latency-histogram";
import { ROLLUP_BUCKET_NS } from "./rollup-bucket";
import { metricConditions, type MetricFilter } from "./metric-filter-sql";
import type { SqlParams } from "../sql-params";


/** SQL for the roll-up bucket start of a nanosecond column. */
export function rollupBucketSql(column: string): string {
  return `${column} / ${ROLLUP_BUCKET_NS} * ${ROLLUP_BUCKET_NS}`;
}

const isError = `CASE WHEN status_code = ${StatusCode.ERROR} THEN 1 ELSE 0 END`;
const isOk = `CASE WHEN status_code = ${StatusCode.OK} THEN 1 ELSE 0 END`;

/**
 * Per (bucket, service, span name, kind) of spans starting in [from, to): counts, the
 * duration sum and the latency histogram as JSON text, the columns of metric_rollups.
 * `bucketSql` maps `start_time_ns` to a bucket start; its placeholders must already be
 * in `params` (it comes first in the text).
 */
export function metricAggregateSql(params: SqlParams, bucketSql: string, from: bigint, to: bigint, filter: MetricFilter = {}): string {
  const conditions = metricConditions(params, "start_time_ns", "name", from, to, filter);
  const histogram = params.dialect === "sqlite" ? "json_group_object(idx, n)" : "json_object_agg(idx, n)::text";
  return `SELECT bucket, service_name, span_name, kind, sum(n) AS span_count, sum(e) AS error_count, sum(o) AS ok_count,
      sum(d) AS duration_sum_ns, ${histogram} AS histogram
    FROM (
      SELECT ${bucketSql} AS bucket, service_name, name AS span_name, kind, ${histogramIndexSql(params.dialect, "duration_ns")} AS idx,
        count(*) AS n, sum(${isError}) AS e, sum(${isOk}) AS o, sum(duration_ns) AS d
      FROM spans WHERE ${conditions}
      GROUP BY 1, 2, 3, 4, 5
    ) AS by_index
    GROUP BY bucket, service_name, span_name, kind`;
}

/**
 * Cross-service calls whose calling span starts in [from, to), per (bucket of the
 * caller's start, caller service, callee service), the columns of dependency_rollups.
 *
 * A span's caller is its parent (the span its parent_span_id names), except that a
 * Zipkin shared server span is called by the client half with its own id (the two
 * halves share the id and the parent). When a parent id names both halves of a shared
 * span, the half in the child's own service wins (its caller is that service), then the
 * server half. Every span of every trace with a caller in the range is looked at, so
 * children outside the range count too; a call is an error when the callee span is.
 */
export function dependencyAggregateSql(params: SqlParams, bucketSql: (column: string) => string, from: bigint, to: bigint): string {
  const traces = `SELECT DISTINCT trace_id FROM spans WHERE start_time_ns >= ${params.add(from)} AND start_time_ns < ${params.add(to)}`;
  const columns = "trace_id, span_id, parent_span_id, kind, service_name, status_code, start_time_ns";
  const server = SpanKind.SERVER;
  // PostgreSQL planned `trace_id IN (...)` (and a LATERAL join, which it flattens) as a hash
  // join over a sequential scan of all spans: a bucket of 150 spans took 200 ms at 200,000
  // spans, growing with the table. There the trace ids become an array computed first,
  // which the primary key looks up (an index scan whatever the statistics say). Parents are
  // looked up by primary key too: joined to the family itself, a low estimate made a nested
  // loop of 3,877 x 3,224 rows (3.5 s for an hour of 13,600 spans; 20 ms by key).
  //
  // PostgreSQL partitions spans by day, and a lookup by trace id alone probes every
  // partition (a bucket of 5,000 spans: 490-580 ms over 13 partitions). Every span of a
  // trace starts within its summary's [start, end] (lib/store/trace-summary.ts), so the
  // family and the parents are looked for only within the extent of the family's traces,
  // computed first: the partitions outside it are pruned once for the whole statement
  // (23-33 ms for that bucket). A parent stays one lookup per family span (LATERAL, OFFSET
  // 0): joined, the planner could hash every span of the extent, days of them once one
  // trace of the bucket is long.
  const postgres = params.dialect === "postgresql";
  const within = (column: string) => (postgres ? ` AND ${column} BETWEEN (SELECT lo FROM extent) AND (SELECT hi FROM extent)` : "");
  const family = postgres
    ? `ids AS MATERIALIZED (SELECT ARRAY(${traces}) AS ids),
      extent AS MATERIALIZED (SELECT min(start_time_ns) AS lo, max(end_time_ns) AS hi FROM traces WHERE trace_id = ANY((SELECT ids FROM ids)::text[])),
      family AS MATERIALIZED (SELECT ${columns} FROM spans WHERE trace_id = ANY((SELECT ids FROM ids)::text[])${within("start_time_ns")})`
    : `family AS MATERIALIZED (SELECT ${columns} FROM spans WHERE trace_id IN (${traces}))`;
  const spansWhere = (condition: string) =>
    postgres
      ? `CROSS JOIN LATERAL (SELECT p.service_name, p.start_time_ns, p.kind, p.parent_span_id FROM spans p
          WHERE ${condition}${within("p.start_time_ns")} OFFSET 0) p`
      : `JOIN spans p ON ${condition}`;
  return `WITH ${family},
    callers AS (
      SELECT c.trace_id, c.span_id, c.kind, c.service_name AS child_service, c.status_code,
        p.service_name AS parent_service, p.start_time_ns AS parent_start, 0 AS priority, p.kind AS parent_kind
      FROM family c ${spansWhere(`p.trace_id = c.trace_id AND p.span_id = c.span_id AND p.kind = ${SpanKind.CLIENT}`)}
      WHERE c.kind = ${server} AND p.parent_span_id IS NOT DISTINCT FROM c.parent_span_id
      UNION ALL
      SELECT c.trace_id, c.span_id, c.kind, c.service_name, c.status_code, p.service_name, p.start_time_ns,
        CASE WHEN p.service_name = c.service_name THEN 1 WHEN p.kind = ${server} THEN 2 ELSE 3 END, p.kind
      FROM family c ${spansWhere("p.trace_id = c.trace_id AND p.span_id = c.parent_span_id")}
    ),
    ranked AS (
      SELECT callers.*, ROW_NUMBER() OVER (PARTITION BY trace_id, span_id, kind ORDER BY priority, parent_kind) AS choice FROM callers
    )
    SELECT ${bucketSql("parent_start")} AS bucket, parent_service, child_service, count(*) AS call_count, sum(${isError}) AS error_count
    FROM ranked
    WHERE choice = 1 AND parent_service <> child_service AND parent_start >= ${params.add(from)} AND parent_start < ${params.add(to)}
    GROUP BY 1, 2, 3`;
}
