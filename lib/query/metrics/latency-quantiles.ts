import { NS_PER_MS_NUMBER } from "@/lib/domain/time-units";
import { histogramValueNs, ZERO_DURATION_INDEX, type StoredHistogram } from "@/lib/store/rollups/latency-histogram";

/**
 * Span counts by histogram index, dense (slot = index - ZERO_DURATION_INDEX): every
 * int64 nanosecond duration has an index below 2200, and adding a day of roll-ups
 * into arrays is several times faster than into maps.
 */
export type LatencyHistogram = Float64Array;
const SLOTS = 2200;

export function emptyHistogram(): LatencyHistogram {
  return new Float64Array(SLOTS);
}

export function addHistogram(target: LatencyHistogram, stored: StoredHistogram): void {
  for (const [slot, count] of stored) target[slot] += count;
}

export interface Quantiles {
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

const PERCENTS = [50, 95, 99] as const;

/**
 * Nearest-rank quantiles (the ⌈q·n⌉-th smallest duration), each within
 * QUANTILE_RELATIVE_ERROR of the exact one; null for an empty histogram.
 */
export function quantiles(histogram: LatencyHistogram, total: number): Quantiles {
  if (total === 0) return { p50Ms: null, p95Ms: null, p99Ms: null };
  // Integer arithmetic: 0.95 * 20 is 19.000000000000004 in floating point.
  const ranks = PERCENTS.map((percent) => Math.max(1, Math.ceil((percent * total) / 100)));
  const values: number[] = [];
  let seen = 0;
  for (let slot = 0; slot < SLOTS && values.length < ranks.length; slot += 1) {
    seen += histogram[slot];
    while (values.length < ranks.length && seen >= ranks[values.length]) values.push(histogramValueNs(slot + ZERO_DURATION_INDEX) / NS_PER_MS_NUMBER);
  }
  return { p50Ms: values[0], p95Ms: values[1], p99Ms: values[2] };
}
