import { MAX_UNIX_NANOS, MAX_UNIX_NANOS_TEXT } from "@/lib/domain/representable-time";
import { NS_PER_MS, NS_PER_MS_NUMBER, NS_PER_S, NS_PER_US } from "@/lib/domain/time-units";
import { isLong, longToBigInt } from "./long-int";

/**
 * Exact unix-nanosecond timestamps from every form the wire formats use. Each parser
 * returns a bigint in [1, MAX_UNIX_NANOS] or null; zero counts as missing, since proto3
 * cannot tell 0 from absent.
 */

export { MAX_UNIX_NANOS, MAX_UNIX_NANOS_TEXT };
const UINT_DIGITS = /^\d{1,20}$/;

function inRange(nanos: bigint): bigint | null {
  return nanos > 0n && nanos <= MAX_UNIX_NANOS ? nanos : null;
}

/**
 * An OTLP fixed64 time: a decimal string (the proto3 JSON form), a number, or a long.js
 * value (protobuf). A number must be a safe integer: a larger one has already lost digits
 * (parse with `parseJsonExact`, which turns such literals into strings).
 */
export function parseUnixNanos(value: unknown): bigint | null {
  if (typeof value === "string") return UINT_DIGITS.test(value) ? inRange(BigInt(value)) : null;
  if (typeof value === "number") return Number.isSafeInteger(value) ? inRange(BigInt(value)) : null;
  return isLong(value) ? inRange(longToBigInt(value)) : null;
}

/** Whole microseconds (Zipkin) to nanoseconds, exactly. */
export function microsToUnixNanos(micros: number): bigint | null {
  return Number.isSafeInteger(micros) ? inRange(BigInt(micros) * NS_PER_US) : null;
}

/**
 * Milliseconds as `Date.now()` or `performance.timeOrigin + performance.now()` give them.
 * The whole and fractional parts are converted apart, so the result is as exact as the
 * double itself (multiplying by 1e6 first would round beyond 2^53).
 */
export function millisToUnixNanos(millis: number): bigint | null {
  if (!Number.isFinite(millis) || millis <= 0) return null;
  const whole = Math.trunc(millis);
  return inRange(BigInt(whole) * NS_PER_MS + BigInt(Math.round((millis - whole) * NS_PER_MS_NUMBER)));
}

/** RFC 3339 date-time with an explicit offset and up to 9 fractional digits. */
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/** An ISO 8601 timestamp to exact nanoseconds; null when malformed or not a real instant. */
export function isoToUnixNanos(text: string): bigint | null {
  const match = ISO_8601.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction = "", , sign, offsetHours = "0", offsetMinutes = "0"] =
    match;
  const fields = [+year, +month - 1, +day, +hour, +minute, +second] as const;
  const millis = Date.UTC(...fields);
  if (!isCalendarTime(new Date(millis), fields) || +offsetHours > 23 || +offsetMinutes > 59) return null;
  const offsetSeconds = (sign === "-" ? -1 : 1) * (+offsetHours * 3600 + +offsetMinutes * 60);
  const seconds = BigInt(millis / 1000 - offsetSeconds);
  return inRange(seconds * NS_PER_S + BigInt(fraction.padEnd(9, "0")));
}

/** Date.UTC rolls 31 April over to 1 May, 24:00 to the next day and year 70 to 1970; a real time reads back unchanged. */
function isCalendarTime(date: Date, fields: readonly number[]): boolean {
  const readBack = [
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return readBack.every((value, i) => value === fields[i]);
}
