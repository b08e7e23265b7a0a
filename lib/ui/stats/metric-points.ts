import type { MetricsResponse } from "@/lib/api/contracts/metrics";
import { unixNanoToMs } from "@/lib/domain/time-units";

/** One chart point: bucket start (unix ms) and the RED figures, rates per second. */
export interface MetricChartPoint {
  [key: string]: number | null;
  t: number;
  requestsPerSecond: number;
  errorsPerSecond: number;
  errorRate: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * The metrics series as chart points. A bucket's rate divides by its own width (the
 * next bucket's start, or the window's end for the last one), since the API clips the
 * first and last buckets to the window. Pure.
 */
export function toChartPoints(metrics: Pick<MetricsResponse, "series" | "endTimeUnixNano">): MetricChartPoint[] {
  const endMs = unixNanoToMs(metrics.endTimeUnixNano);
  const starts = metrics.series.map((point) => unixNanoToMs(point.startTimeUnixNano));
  return metrics.series.map((point, index) => {
    const seconds = Math.max((starts[index + 1] ?? endMs) - starts[index], 1) / 1000;
    return {
      t: starts[index],
      requestsPerSecond: point.requestCount / seconds,
      errorsPerSecond: point.errorCount / seconds,
      errorRate: point.errorRate,
      p50: point.p50Ms,
      p95: point.p95Ms,
      p99: point.p99Ms,
    };
  });
}

/** Whole-window totals of a metrics answer. */
export function windowTotals(metrics: Pick<MetricsResponse, "series" | "startTimeUnixNano" | "endTimeUnixNano">) {
  const requests = metrics.series.reduce((sum, point) => sum + point.requestCount, 0);
  const errors = metrics.series.reduce((sum, point) => sum + point.errorCount, 0);
  const seconds = Math.max(unixNanoToMs(metrics.endTimeUnixNano) - unixNanoToMs(metrics.startTimeUnixNano), 1) / 1000;
  return { requests, errors, errorRate: requests === 0 ? null : errors / requests, requestsPerSecond: requests / seconds, seconds };
}
