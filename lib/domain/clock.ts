/**
 * Unix time in nanoseconds with nanosecond resolution: the wall clock read once,
 * advanced by the monotonic high-resolution clock, so span times never go backwards.
 */
const wallAtStartNs = BigInt(Date.now()) * 1_000_000n;
const monoAtStart = process.hrtime.bigint();

export function nowUnixNano(): bigint {
  return wallAtStartNs + (process.hrtime.bigint() - monoAtStart);
}
