import { msToNanos } from "./time-units";

/**
 * Unix time in nanoseconds with nanosecond resolution: the wall clock read once,
 * advanced by the monotonic high-resolution clock, so span times never go backwards.
 */
const wallAtStartNs = msToNanos(Date.now());
const monoAtStart = process.hrtime.bigint();

export function nowUnixNano(): bigint {
  return wallAtStartNs + (process.hrtime.bigint() - monoAtStart);
}
