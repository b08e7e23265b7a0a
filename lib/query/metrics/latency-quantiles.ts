import { histogramValueNs } from "@/lib/store/rollups/latency-histogram";

/** Histogram index -> span count. */
export type LatencyHistogram = Map<number, number>;

/** Adds a stored histogram (JSON object text) into `target`. */
export function addHistogram(target: LatencyHistogram, json: string): void {
  for (const [index, count] of Object.entries(JSON.parse(json) as Record<string, number>)) {
    const key = Number(index);
    target.set(key, (target.get(key) ?? 0) + Number(count));
  }
}

export interface Quantiles {
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/**
 * Nearest-rank quantiles (the ⌈q·n⌉-th smallest duration), each within
 * QUANTILE_RELATIVE_ERROR of the exact one; null for an empty histogram.
 */
export function quantiles(histogram: LatencyHistogram): Quantiles {
  const indexes = [...histogram.keys()].sort((a, b) => a - b);
  const total = indexes.reduce((sum, index) => sum + histogram.get(index)!, 0);
  const at = (percent: number): number | null => {
    if (total === 0) return null;
    // Integer arithmetic: 0.95 * 20 is 19.000000000000004 in floating point.
    const rank = Math.max(1, Math.ceil((percent * total) / 100));
    let seen = 0;
    for (const index of indexes) {
      seen += histogram.get(index)!;
      if (seen >= rank) return histogramValueNs(index) / 1e6;
    }
    return null;
  };
  return { p50Ms: at(50), p95Ms: at(95), p99Ms: at(99) };
}
