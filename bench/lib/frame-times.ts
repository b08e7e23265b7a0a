// bench:ui's figures from requestAnimationFrame deltas and repeated timings, one
// definition for every row (waterfall scrolling, flame-graph zoom, the big trace, compare,
// statistics, span links).

/** A frame longer than this missed the 50 fps budget by a visible margin. */
const SLOW_FRAME_MS = 20;

/** "N ms MET" or "N ms MISSED": a duration against a target it must stay under. */
export const underTarget = (ms: number, targetMs: number) => `${Math.round(ms)} ms ${ms < targetMs ? "MET" : "MISSED"}`;

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const quantile = (values: readonly number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];

/** Mean frames per second over the deltas (ms). */
export const framesPerSecond = (deltas: readonly number[]) => 1000 / (deltas.reduce((sum, delta) => sum + delta, 0) / deltas.length);

/** "N frames, F fps mean, frame time p50 / p95 / max, K frames over 20 ms". */
export function describeFrames(deltas: readonly number[]): string {
  return (
    `${deltas.length} frames, ${framesPerSecond(deltas).toFixed(1)} fps mean, ` +
    `frame time p50 ${quantile(deltas, 0.5).toFixed(1)} ms / p95 ${quantile(deltas, 0.95).toFixed(1)} ms / max ${Math.max(...deltas).toFixed(1)} ms, ` +
    `${deltas.filter((delta) => delta > SLOW_FRAME_MS).length} frames over ${SLOW_FRAME_MS} ms`
  );
}
