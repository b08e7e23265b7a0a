import { describe, expect, it } from "vitest";
import { toChartPoints, windowTotals } from "@/lib/ui/stats/metric-points";

const ns = (ms: number) => `${ms}000000`;
const point = (startMs: number, requestCount: number, errorCount: number) => ({
  startTimeUnixNano: ns(startMs),
  requestCount,
  errorCount,
  errorRate: requestCount ? errorCount / requestCount : null,
  p50Ms: requestCount ? 10 : null,
  p95Ms: requestCount ? 20 : null,
  p99Ms: requestCount ? 30 : null,
});

describe("toChartPoints", () => {
  // Window 5s..65s with a 20s step: buckets clipped at both ends (5-20, 20-40, 40-60, 60-65).
  const metrics = {
    startTimeUnixNano: ns(5_000),
    endTimeUnixNano: ns(65_000),
    series: [point(5_000, 30, 3), point(20_000, 40, 0), point(40_000, 0, 0), point(60_000, 10, 5)],
  };

  it("divides each bucket by its own (clipped) width", () => {
    expect(toChartPoints(metrics).map((entry) => entry.requestsPerSecond)).toEqual([2, 2, 0, 2]);
    expect(toChartPoints(metrics).map((entry) => entry.errorsPerSecond)).toEqual([0.2, 0, 0, 1]);
  });

  it("keeps empty buckets as gaps in ratios and latency", () => {
    const empty = toChartPoints(metrics)[2];
    expect(empty).toMatchObject({ t: 40_000, errorRate: null, p50: null, p95: null, p99: null });
  });

  it("sums the window", () => {
    expect(windowTotals(metrics)).toEqual({ requests: 80, errors: 8, errorRate: 0.1, requestsPerSecond: 80 / 60, seconds: 60 });
  });

  it("has no error rate without requests", () => {
    expect(windowTotals({ ...metrics, series: [] }).errorRate).toBeNull();
  });
});
