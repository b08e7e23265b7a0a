/**
 * Scheduled retention runs once per period: periods are the multiples of the interval
 * since the epoch, the same for every app instance whatever its start time, so all of
 * them tick at the same boundaries and one claims each period (lib/store/retention-claim.ts).
 */

/** The start (unix ms) of the period holding `nowMs`. */
export function retentionPeriodStartMs(nowMs: number, intervalMs: number): number {
  return nowMs - (nowMs % intervalMs);
}

/** Milliseconds from `nowMs` to the start of the next period: in (0, intervalMs], never 0. */
export function msUntilNextPeriod(nowMs: number, intervalMs: number): number {
  return intervalMs - (nowMs % intervalMs);
}
