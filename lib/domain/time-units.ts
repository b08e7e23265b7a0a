/**
 * Nanosecond arithmetic shared by the whole app (collector, store, query API and
 * dashboard). Timestamps stay exact as bigint nanoseconds; these are the only place the
 * unit factors are written down. Imports nothing.
 */

export const NS_PER_US = 1_000n;
export const NS_PER_MS = 1_000_000n;
export const NS_PER_S = 1_000_000_000n;
export const NS_PER_MINUTE = 60n * NS_PER_S;
export const NS_PER_HOUR = 60n * NS_PER_MINUTE;

/** NS_PER_MS as a number, for float maths on durations that already are numbers. */
export const NS_PER_MS_NUMBER = Number(NS_PER_MS);

/** Nanoseconds as milliseconds, with the sub-millisecond part kept as a fraction. */
export function nanosToMillis(nanos: bigint): number {
  return Number(nanos / NS_PER_MS) + Number(nanos % NS_PER_MS) / NS_PER_MS_NUMBER;
}

/** Unix nanoseconds (a decimal string, as the API sends them) as whole unix milliseconds. */
export function unixNanoToMs(unixNano: string): number {
  return Number(BigInt(unixNano) / NS_PER_MS);
}

/** Whole unix milliseconds as unix nanoseconds. */
export function msToNanos(ms: number | bigint): bigint {
  return BigInt(ms) * NS_PER_MS;
}
