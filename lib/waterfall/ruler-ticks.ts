import type { ViewRange } from "./time-scale";

export interface RulerTick {
  /** Milliseconds from the trace start. */
  ms: number;
  /** Percent of the timeline's width. */
  percent: number;
}

const NICE_STEPS = [1, 2, 5];

/** The smallest 1, 2 or 5 × 10^k step that divides `span` into at most `maxTicks` intervals. */
export function niceStep(span: number, maxTicks: number): number {
  if (!(span > 0)) return 1;
  const rough = span / Math.max(1, maxTicks);
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const step of NICE_STEPS) if (step * power >= rough) return step * power;
  return 10 * power;
}

/** Ticks at round times across the viewed part of a trace of `traceDurationMs`. */
export function rulerTicks(traceDurationMs: number, view: ViewRange, maxTicks = 6): RulerTick[] {
  const from = view.start * traceDurationMs;
  const to = view.end * traceDurationMs;
  const step = niceStep(to - from, maxTicks);
  const ticks: RulerTick[] = [];
  // Multiply rather than accumulate, so 0.1 steps do not drift.
  // `|| 0` turns a -0 first index into 0.
  for (let index = Math.ceil(from / step - 1e-9) || 0; index * step <= to + step * 1e-9; index++) {
    const ms = index * step;
    ticks.push({ ms, percent: to > from ? ((ms - from) / (to - from)) * 100 : 0 });
  }
  return ticks;
}
