"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { GetMetricsEndpoint } from "@/lib/api/contracts/metrics";
import { apiGet } from "@/lib/client/api-client";
import { chooseStepMs, rangeKey, resolveWindow, type TimeRange } from "@/lib/ui/time-range";

export interface MetricsSelection {
  service?: string;
  operation?: string;
  /** Span kind counted as requests; the API's default (server and consumer) when absent. */
  kind?: string;
}

/** Buckets for the big charts and for a table row's sparkline. */
const CHART_BUCKETS = 120;
const SPARKLINE_BUCKETS = 24;

function fetchMetrics(range: TimeRange, selection: MetricsSelection, maxBuckets: number, signal: AbortSignal) {
  const { startMs, endMs } = resolveWindow(range);
  const step = `${chooseStepMs(endMs - startMs, maxBuckets) / 1000}s`;
  return apiGet(GetMetricsEndpoint.response, GetMetricsEndpoint.path, { ...selection, start: startMs, end: endMs, step }, signal);
}

/** RED series and the per-operation table; a preset window follows the clock on every refresh. */
export function useMetrics(range: TimeRange, selection: MetricsSelection, refreshMs: number) {
  return useQuery({
    queryKey: ["metrics", rangeKey(range), selection],
    queryFn: ({ signal }) => fetchMetrics(range, selection, CHART_BUCKETS, signal),
    refetchInterval: refreshMs || false,
    placeholderData: keepPreviousData,
  });
}

/** The request counts of one (service, operation, kind) in a few buckets, for a sparkline. */
export function useOperationTrend(range: TimeRange, selection: Required<MetricsSelection>, refreshMs: number) {
  return useQuery({
    queryKey: ["metrics", "trend", rangeKey(range), selection],
    queryFn: ({ signal }) => fetchMetrics(range, selection, SPARKLINE_BUCKETS, signal),
    select: (metrics) => metrics.series.map((point) => point.requestCount),
    refetchInterval: refreshMs || false,
    placeholderData: keepPreviousData,
  });
}
