/** How a node of the merged tree changed from trace A to trace B. */
export const DIFF_STATES = ["only-a", "only-b", "slower", "faster", "unchanged"] as const;
export type DiffState = (typeof DIFF_STATES)[number];

/**
 * Two times count as the same when they differ by at most the larger of these.
 *
 * Relative, 5%: two runs of the same request never take exactly the same time. Scheduling,
 * garbage collection, warm or cold caches and connection pools move a span by a few percent
 * from run to run, so a smaller change is noise, not a cause; colouring it would paint
 * almost every node of two healthy traces and bury the one that matters.
 *
 * Absolute, 1 ms: below it a difference is at the resolution of the clocks that measured
 * it (browsers coarsen performance.now() to between 0.1 and 1 ms; Zipkin and Jaeger
 * clients record microseconds from wall clocks that drift), and a short span's 0.3 ms
 * against 0.9 ms (3x) cannot explain a slower trace.
 */
export const RELATIVE_TOLERANCE = 0.05;
export const ABSOLUTE_TOLERANCE_MS = 1;

/** True when `a` and `b` (milliseconds) differ by no more than the tolerance. */
export function withinTolerance(a: number, b: number): boolean {
  return Math.abs(b - a) <= Math.max(ABSOLUTE_TOLERANCE_MS, RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * A node's state from its span counts and total durations on each side: present on one
 * side only, or slower / faster in B beyond the tolerance, else unchanged. A count that
 * changed while the time did not leaves the node unchanged in time; the node still counts
 * as changed for collapsing (see `changed` of the merged tree).
 */
export function diffState(countA: number, totalMsA: number, countB: number, totalMsB: number): DiffState {
  if (countB === 0) return "only-a";
  if (countA === 0) return "only-b";
  if (withinTolerance(totalMsA, totalMsB)) return "unchanged";
  return totalMsB > totalMsA ? "slower" : "faster";
}
