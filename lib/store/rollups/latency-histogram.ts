import type { SqlDialect } from "../table-writes";

/**
 * Latencies are kept as log-bucket histograms (DDSketch's mapping): bucket i holds
 * durations in (γ^(i-1), γ^i] ns and stands for 2γ^i/(γ+1), which is within
 * QUANTILE_RELATIVE_ERROR of every duration in it. Histograms of any buckets merge by
 * adding counts, so roll-ups of 5 minutes add up to any window without losing accuracy.
 */
export const QUANTILE_RELATIVE_ERROR = 0.01;
const GAMMA = (1 + QUANTILE_RELATIVE_ERROR) / (1 - QUANTILE_RELATIVE_ERROR);
const LN_GAMMA = Math.log(GAMMA);
/** Zero (or negative, clock-skewed) durations get a bucket of their own that stands for 0. */
export const ZERO_DURATION_INDEX = -1;

/** The bucket of a duration, as the SQL of `histogramIndexSql` computes it. */
export function histogramIndex(durationNs: number): number {
  return durationNs > 0 ? Math.ceil(Math.log(durationNs) / LN_GAMMA) : ZERO_DURATION_INDEX;
}

/** The duration (ns) bucket `index` stands for. */
export function histogramValueNs(index: number): number {
  return index === ZERO_DURATION_INDEX ? 0 : (2 * GAMMA ** index) / (GAMMA + 1);
}

/** SQL for the bucket of `column` (a bigint of nanoseconds), in the dialect's math functions. */
export function histogramIndexSql(dialect: SqlDialect, column: string): string {
  const lnGamma = LN_GAMMA.toPrecision(17);
  return dialect === "sqlite"
    ? `CASE WHEN ${column} > 0 THEN CAST(ceil(ln(${column}) / ${lnGamma}) AS INTEGER) ELSE ${ZERO_DURATION_INDEX} END`
    : `CASE WHEN ${column} > 0 THEN ceil(ln(${column}::float8) / ${lnGamma})::int ELSE ${ZERO_DURATION_INDEX} END`;
}

/** A stored histogram as (slot, count) pairs, slot = index - ZERO_DURATION_INDEX (a dense array position). */
export type StoredHistogram = Array<[slot: number, count: number]>;

/** The JSON object text a roll-up stores (index -> count). */
export function parseHistogram(json: string): StoredHistogram {
  return Object.entries(JSON.parse(json) as Record<string, number>).map(([index, count]) => [Number(index) - ZERO_DURATION_INDEX, Number(count)]);
}
