import type { MetricChartPoint } from "@/lib/ui/stats/metric-points";
import { formatDuration } from "@/lib/ui/time-format";
import { formatPercent, formatRate } from "@/lib/ui/format";
import { TimeSeriesChart, type ChartSeries } from "./time-series-chart";

const CHARTS: Array<{ testId: string; title: string; series: ChartSeries[]; format: (value: number) => string }> = [
  {
    testId: "chart-request-rate",
    title: "Request rate",
    series: [
      { key: "requestsPerSecond", name: "requests/s", color: "#0ea5e9" },
      { key: "errorsPerSecond", name: "errors/s", color: "#ef4444" },
    ],
    format: formatRate,
  },
  { testId: "chart-error-rate", title: "Error rate", series: [{ key: "errorRate", name: "error rate", color: "#ef4444" }], format: formatPercent },
  {
    testId: "chart-latency",
    title: "Latency",
    series: [
      { key: "p50", name: "p50", color: "#22c55e" },
      { key: "p95", name: "p95", color: "#f59e0b" },
      { key: "p99", name: "p99", color: "#a855f7" },
    ],
    format: formatDuration,
  },
];

/** Request rate, error rate and latency quantiles over the same time axis. */
export function MetricCharts({ points }: { points: MetricChartPoint[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3">
      {CHARTS.map((chart) => (
        <TimeSeriesChart key={chart.testId} {...chart} data={points} />
      ))}
    </div>
  );
}
