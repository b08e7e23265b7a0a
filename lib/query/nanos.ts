const NANOS_PER_MILLI = 1_000_000n;

/** Nanoseconds as milliseconds, with the sub-millisecond part kept as a fraction. */
export function nanosToMillis(nanos: bigint): number {
  return Number(nanos / NANOS_PER_MILLI) + Number(nanos % NANOS_PER_MILLI) / 1e6;
}
