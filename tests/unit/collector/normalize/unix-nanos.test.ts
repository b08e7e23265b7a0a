import { describe, expect, it } from "vitest";
import {
  isoToUnixNanos,
  MAX_UNIX_NANOS,
  microsToUnixNanos,
  millisToUnixNanos,
  parseUnixNanos,
} from "@/lib/collector/normalize/unix-nanos";

describe("parseUnixNanos (OTLP fixed64)", () => {
  it.each([
    ["decimalString", "1735787045123456789", 1735787045123456789n],
    ["leadingZeros", "0001", 1n],
    ["max", MAX_UNIX_NANOS.toString(), MAX_UNIX_NANOS],
    ["safeIntegerNumber", 1735787045123, 1735787045123n],
    ["zero", "0", null],
    ["afterYear2200", (MAX_UNIX_NANOS + 1n).toString(), null],
    ["year2262_the_probe", "9223372036854775807", null],
    ["beyondInt64", "9223372036854775808", null],
    ["negative", "-1", null],
    ["hexPrefix", "0x10", null],
    ["whitespace", " 1", null],
    ["empty", "", null],
    ["unsafeNumber", 2 ** 60, null],
    ["fractionNumber", 1.5, null],
    ["bigint", 1n, null],
  ])("%s", (_name, value, expected) => {
    expect(parseUnixNanos(value)).toBe(expected);
  });
});

describe("microsToUnixNanos (Zipkin)", () => {
  it.each([
    ["exact", 1735787045123456, 1735787045123456000n],
    ["zero", 0, null],
    ["fraction", 1.5, null],
    ["beyond 2200", 7258118400000001, null],
    ["last_of_2199", 7258118399999999, 7258118399999999000n],
  ])("%s", (_name, micros, expected) => {
    expect(microsToUnixNanos(micros)).toBe(expected);
  });
});

describe("millisToUnixNanos (native numbers)", () => {
  it.each([
    ["Date.now()", 1735787045123, 1735787045123000000n],
    ["with a fraction", 1735787045123.25, 1735787045123250000n],
    ["zero", 0, null],
    ["NaN", NaN, null],
    ["Infinity", Infinity, null],
  ])("%s", (_name, millis, expected) => {
    expect(millisToUnixNanos(millis)).toBe(expected);
  });
});

describe("isoToUnixNanos", () => {
  it.each([
    ["nanoseconds", "2025-01-02T03:04:05.123456789Z", 1735787045123456789n],
    ["no fraction", "2025-01-02T03:04:05Z", 1735787045000000000n],
    ["lower-case t and z", "2025-01-02t03:04:05.5z", 1735787045500000000n],
    ["space separator", "2025-01-02 03:04:05Z", 1735787045000000000n],
    ["positive offset", "2025-01-02T04:34:05+01:30", 1735787045000000000n],
    ["leap day", "2024-02-29T00:00:00Z", 1709164800000000000n],
    ["no offset", "2025-01-02T03:04:05", null],
    ["31 April", "2025-04-31T00:00:00Z", null],
    ["month 13", "2025-13-01T00:00:00Z", null],
    ["minute 60", "2025-01-02T03:60:00Z", null],
    ["hour 24", "2025-01-02T24:00:00Z", null],
    ["leap second", "2025-01-02T23:59:60Z", null],
    ["before 1970", "1969-12-31T23:59:59Z", null],
    ["negative compact offset", "2025-01-01T22:04:05-0500", 1735787045000000000n],
    ["year 0070", "0070-01-02T03:04:05Z", null],
    ["offset minutes 60", "2025-01-02T03:04:05+01:60", null],
    ["date only", "2025-01-02", null],
  ])("%s", (_name, text, expected) => {
    expect(isoToUnixNanos(text)).toBe(expected);
  });
});
