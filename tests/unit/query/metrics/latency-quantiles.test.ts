import { describe, expect, it } from "vitest";
import { addHistogram, emptyHistogram, quantiles, type LatencyHistogram } from "@/lib/query/metrics/latency-quantiles";
import { histogramIndex, histogramValueNs, parseHistogram, QUANTILE_RELATIVE_ERROR, ZERO_DURATION_INDEX } from "@/lib/store/rollups/latency-histogram";

function histogramOf(durationsMs: number[]): LatencyHistogram {
  const counts: Record<number, number> = {};
  for (const ms of durationsMs) {
    const index = histogramIndex(Math.round(ms * 1e6));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  const histogram = emptyHistogram();
  addHistogram(histogram, parseHistogram(JSON.stringify(counts)));
  return histogram;
}

/** The ⌈q·n⌉-th smallest, the definition quantiles() approximates. */
function nearestRank(values: number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((percent * sorted.length) / 100)) - 1];
}

describe("latency histogram", () => {
  it("every_bucket_value_is_within_the_stated_error_of_the_durations_it_holds", () => {
    for (let ns = 1; ns < 1e12; ns = Math.ceil(ns * 1.37)) {
      const value = histogramValueNs(histogramIndex(ns));
      expect(Math.abs(value - ns) / ns, `${ns} ns`).toBeLessThanOrEqual(QUANTILE_RELATIVE_ERROR + 1e-12);
    }
  });

  it("zero_and_negative_durations_stand_for_zero", () => {
    expect([histogramIndex(0), histogramIndex(-5)]).toEqual([ZERO_DURATION_INDEX, ZERO_DURATION_INDEX]);
    expect(histogramValueNs(ZERO_DURATION_INDEX)).toBe(0);
  });
});

describe("quantiles", () => {
  it.each([
    { name: "four_values", durations: [10, 20, 30, 40] },
    { name: "twenty_values_where_0.95_times_n_is_not_exact_in_floating_point", durations: Array.from({ length: 20 }, (_, i) => i + 1) },
    { name: "one_value", durations: [7.5] },
    { name: "skewed_with_a_long_tail", durations: [...Array.from({ length: 98 }, () => 3), 250, 9000] },
    { name: "with_zero_durations", durations: [0, 0, 0, 5] },
  ])("$name_within_1%_of_nearest_rank", ({ durations }) => {
    const result = quantiles(histogramOf(durations), durations.length);
    for (const [field, percent] of [["p50Ms", 50], ["p95Ms", 95], ["p99Ms", 99]] as const) {
      const exact = nearestRank(durations, percent);
      expect(Math.abs(result[field]! - exact), `${field}: ${result[field]} vs ${exact}`).toBeLessThanOrEqual(exact * QUANTILE_RELATIVE_ERROR + 1e-9);
    }
  });

  it("the_largest_int64_duration_fits_the_dense_histogram", () => {
    const histogram = emptyHistogram();
    addHistogram(histogram, parseHistogram(JSON.stringify({ [histogramIndex(2 ** 63)]: 1 })));
    expect(quantiles(histogram, 1).p99Ms).toBeGreaterThan(9e12);
  });

  it("empty_histogram_has_null_quantiles", () => {
    expect(quantiles(emptyHistogram(), 0)).toEqual({ p50Ms: null, p95Ms: null, p99Ms: null });
  });

  it("merging_stored_histograms_adds_counts", () => {
    const histogram: LatencyHistogram = emptyHistogram();
    addHistogram(histogram, parseHistogram('{"5":2,"-1":1}'));
    addHistogram(histogram, parseHistogram('{ "5" : 3, "9" : 1 }'));
    const slots = [...histogram.entries()].filter(([, count]) => count > 0);
    expect(slots).toEqual([[0, 1], [6, 5], [10, 1]]);
  });
});
