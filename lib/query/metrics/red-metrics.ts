import "server-only";
import type { MetricsQuery, MetricsResponse } from "@/lib/api/contracts/metrics";
import { SpanKind } from "@/lib/domain/span-record";
import { QUANTILE_RELATIVE_ERROR } from "@/lib/store/rollups/latency-histogram";
import { ROLLUP_BUCKET_NS } from "@/lib/store/rollups/rollup-bucket";
import { readMetricRows, type MetricRow } from "@/lib/store/rollups/read-metric-rows";
import { nanosToMillis } from "@/lib/domain/time-units";
import { spanKindName } from "../params/span-enum-params";
import { DEFAULT_LOOKBACK_MS, toTimeWindow } from "../params/time-window";
import { addHistogram, emptyHistogram, quantiles, type LatencyHistogram } from "./latency-quantiles";
import { defaultStepNs, seriesLayout } from "./series-step";

/** Spans that receive work: what Jaeger's SPM counts as requests when no kind is asked for. */
export const DEFAULT_REQUEST_KINDS: readonly number[] = [SpanKind.SERVER, SpanKind.CONSUMER];

interface Tally {
  requestCount: number;
  errorCount: number;
  durationSumNs: bigint;
  histogram: LatencyHistogram;
}

const emptyTally = (): Tally => ({ requestCount: 0, errorCount: 0, durationSumNs: 0n, histogram: emptyHistogram() });

function add(tally: Tally, row: MetricRow): void {
  tally.requestCount += row.spanCount;
  tally.errorCount += row.errorCount;
  tally.durationSumNs += row.durationSumNs;
  addHistogram(tally.histogram, row.histogram);
}

function red(tally: Tally) {
  const { requestCount, errorCount } = tally;
  return { requestCount, errorCount, errorRate: requestCount === 0 ? null : errorCount / requestCount, ...quantiles(tally.histogram, requestCount) };
}

/** RED series and per-operation table of the spans a metrics query selects. */
export async function redMetrics(query: MetricsQuery): Promise<MetricsResponse> {
  const window = toTimeWindow(query, DEFAULT_LOOKBACK_MS);
  const stepNs = query.step ?? defaultStepNs(window);
  const layout = seriesLayout(window, stepNs);
  const kinds = query.kind === undefined ? DEFAULT_REQUEST_KINDS : [query.kind];
  const rows = await readMetricRows(
    { from: window.startNs, to: window.endNs + 1n },
    layout,
    { serviceName: query.service, spanName: query.operation, kinds },
    stepNs % ROLLUP_BUCKET_NS === 0n,
  );

  const series = Array.from({ length: layout.count }, emptyTally);
  const operations = new Map<string, { service: string; operation: string; kind: number; tally: Tally }>();
  for (const row of rows) {
    add(series[Number((row.bucketStartNs - layout.originNs) / stepNs)], row);
    const key = JSON.stringify([row.serviceName, row.spanName, row.kind]);
    let operation = operations.get(key);
    if (!operation) operations.set(key, (operation = { service: row.serviceName, operation: row.spanName, kind: row.kind, tally: emptyTally() }));
    add(operation.tally, row);
  }

  return {
    startTimeUnixNano: window.startNs.toString(),
    endTimeUnixNano: window.endNs.toString(),
    stepMs: nanosToMillis(stepNs),
    kinds: kinds.map(spanKindName),
    quantileRelativeError: QUANTILE_RELATIVE_ERROR,
    series: series.map((tally, index) => ({ startTimeUnixNano: (layout.originNs + BigInt(index) * stepNs).toString(), ...red(tally) })),
    operations: [...operations.values()]
      .map(({ service, operation, kind, tally }) => ({
        service,
        operation,
        kind: spanKindName(kind),
        ...red(tally),
        avgMs: tally.requestCount === 0 ? null : nanosToMillis(tally.durationSumNs) / tally.requestCount,
      }))
      .sort((a, b) => b.requestCount - a.requestCount || a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation) || a.kind.localeCompare(b.kind)),
  };
}
