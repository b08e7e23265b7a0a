import { describe, expect, it } from "vitest";
import { formatAgo, formatAxisTime, formatDuration, formatStartTime, unixNanoToMs } from "@/components/traces/format";

describe("formatDuration", () => {
  it.each([
    ["zero", 0, "0ms"],
    ["nanoseconds", 0.004, "4µs"],
    ["sub_ten_microseconds_keep_decimals", 0.0015, "1.5µs"],
    ["microseconds", 0.85, "850µs"],
    ["single_ms_two_decimals", 1.234, "1.23ms"],
    ["tens_of_ms_one_decimal", 12.34, "12.3ms"],
    ["hundreds_of_ms_whole", 456.7, "457ms"],
    ["whole_ms_without_trailing_zero", 20, "20ms"],
    ["seconds_two_decimals", 1240, "1.24s"],
    ["tens_of_seconds_one_decimal", 12_345, "12.3s"],
    ["minutes_and_seconds", 125_000, "2m 5s"],
    ["hours_and_minutes", 3_780_000, "1h 3m"],
    ["negative_is_a_dash", -1, "–"],
    ["nan_is_a_dash", Number.NaN, "–"],
  ])("%s", (_name, ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("unixNanoToMs", () => {
  it.each([
    ["exact_millisecond", "1795712400123000000", 1795712400123],
    ["drops_sub_millisecond_part", "1795712400123999999", 1795712400123],
    ["epoch", "0", 0],
  ])("%s", (_name, nanos, ms) => {
    expect(unixNanoToMs(nanos)).toBe(ms);
  });
});

describe("formatStartTime", () => {
  const now = new Date(2026, 10, 26, 18, 0, 0).getTime();

  it("today_shows_the_clock_with_milliseconds", () => {
    expect(formatStartTime(new Date(2026, 10, 26, 14, 3, 22, 7).getTime(), now)).toBe("14:03:22.007");
  });

  it("another_day_shows_the_date_too", () => {
    expect(formatStartTime(new Date(2026, 10, 25, 9, 5, 0, 120).getTime(), now)).toBe("2026-11-25 09:05:00.120");
  });
});

describe("formatAgo", () => {
  const now = 1_800_000_000_000;
  it.each([
    ["under_five_seconds", now - 3_000, "just now"],
    ["seconds", now - 42_000, "42s ago"],
    ["minutes", now - 5 * 60_000 - 10_000, "5m ago"],
    ["hours", now - 3 * 3_600_000, "3h ago"],
    ["days", now - 2 * 86_400_000 - 5, "2d ago"],
  ])("%s", (_name, ms, text) => {
    expect(formatAgo(ms, now)).toBe(text);
  });
});

describe("formatAxisTime", () => {
  const at = new Date(2026, 10, 26, 14, 3, 22).getTime();
  it.each([
    ["within_an_hour_shows_seconds", 15 * 60_000, "14:03:22"],
    ["within_a_day_shows_minutes", 6 * 3_600_000, "14:03"],
    ["beyond_a_day_shows_the_date", 7 * 86_400_000, "11-26 14:03"],
  ])("%s", (_name, range, text) => {
    expect(formatAxisTime(at, range)).toBe(text);
  });
});
