import { NS_PER_S } from "./time-units";

/**
 * The times the store accepts and queries may name: from the unix epoch to
 * 2200-01-01T00:00:00Z. Far beyond any real span, and far enough below a signed 64-bit
 * column's limit (2^63-1 ns, in 2262) that sums, durations and roll-up bucket ends
 * cannot overflow: a span at 2262 once made statistics answer 500 for good.
 */
export const MAX_UNIX_NANOS = 7_258_118_400n * NS_PER_S;
export const MAX_UNIX_NANOS_TEXT = "2200-01-01T00:00:00Z";
