import { parseHistogram, type StoredHistogram } from "./latency-histogram";

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
  histogram: StoredHistogram;
}


export interface RawMetricRow {
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

/** The same column types from roll-up rows and from live aggregates on both databases (a subquery names the bucket `bucket`). */
export const TYPED_METRIC_COLUMNS = `CAST(bucket AS TEXT) AS bucket, service_name, span_name, CAST(kind AS INTEGER) AS kind,
  CAST(span_count AS BIGINT) AS span_count, CAST(error_count AS BIGINT) AS error_count, CAST(ok_count AS BIGINT) AS ok_count,
  CAST(duration_sum_ns AS TEXT) AS duration_sum_ns, histogram`;

export function metricRowsFrom(rows: readonly RawMetricRow[]): MetricRow[] {
  return rows.map((row) => ({
    bucketStartNs: BigInt(row.bucket),
    serviceName: row.service_name,
    spanName: row.span_name,
    kind: Number(row.kind),
    spanCount: Number(row.span_count),
    errorCount: Number(row.error_count),
    okCount: Number(row.ok_count),
    durationSumNs: BigInt(row.duration_sum_ns),
    histogram: parseHistogram(row.histogram),
  }));
}
