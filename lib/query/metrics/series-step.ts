import type { TimeWindow } from "../params/time-window";

/** A window gets at most this many buckets by default, like Grafana's resolution. */
export const TARGET_BUCKETS = 300;
/** More buckets than this is refused (400): a day at 1m steps fits, a week at 1m does not. */
export const MAX_BUCKETS = 2000;

const SECOND = 1_000_000_000n;
/** Default steps: at and above 5 minutes all are whole roll-up buckets, so long windows read roll-ups. */
const NICE_STEPS = [1n, 5n, 10n, 15n, 30n, 60n, 300n, 600n, 900n, 1800n, 3600n, 7200n, 21600n, 43200n, 86400n].map((seconds) => seconds * SECOND);

/** Series buckets of `stepNs` aligned to multiples of it since the epoch, covering the window. */
export interface SeriesLayout {
  originNs: bigint;
  stepNs: bigint;
  count: number;
}

export function seriesLayout(window: TimeWindow, stepNs: bigint): SeriesLayout {
  const originNs = (window.startNs / stepNs) * stepNs;
  const lastNs = (window.endNs / stepNs) * stepNs;
  return { originNs, stepNs, count: Number((lastNs - originNs) / stepNs) + 1 };
}

/** The smallest nice step giving the window at most TARGET_BUCKETS buckets. */
export function defaultStepNs(window: TimeWindow): bigint {
  return NICE_STEPS.find((step) => seriesLayout(window, step).count <= TARGET_BUCKETS) ?? NICE_STEPS.at(-1)!;
}

/** The smallest whole number of seconds that keeps the window within MAX_BUCKETS (for the 400's message). */
export function minimumStepSeconds(window: TimeWindow): number {
  const span = window.endNs - window.startNs;
  let seconds = span / SECOND / BigInt(MAX_BUCKETS - 1) + 1n;
  while (seriesLayout(window, seconds * SECOND).count > MAX_BUCKETS) seconds += 1n;
  return Number(seconds);
}
