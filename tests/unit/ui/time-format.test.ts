import { describe, expect, it } from "vitest";
import { formatAgo, formatDateTime, formatDuration, formatStartTime, formatTimeOfDay, formatTimestamp, fromLocalInputValue, toLocalInputValue } from "@/lib/ui/time-format";
import { formatAxisTime, formatChartTime, timeTicks } from "@/lib/ui/time-axis";

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
  const at = new Date(2026, 10, 26, 14, 3, 20).getTime();
  const midnight = new Date(2026, 10, 26).getTime();
  it.each([
    ["second_steps_show_seconds", at, 10_000, "14:03:20"],
    ["minute_steps_show_minutes", at, 5 * 60_000, "14:03"],
    ["midnight_on_hour_steps_shows_the_day", midnight, 6 * 3_600_000, "11-26"],
    ["midnight_on_minute_steps_stays_a_time", midnight, 15 * 60_000, "00:00"],
    ["day_steps_show_the_day", midnight, 86_400_000, "11-26"],
  ])("%s", (_name, ms, step, text) => {
    expect(formatAxisTime(ms, step)).toBe(text);
  });
});

describe("timeTicks", () => {
  const local = (h: number, m = 0, s = 0, day = 26) => new Date(2026, 10, day, h, m, s).getTime();
  it.each([
    ["last_15_minutes_on_5_minute_marks", local(14, 3, 20), local(14, 18, 20), 5 * 60_000, [local(14, 5), local(14, 10), local(14, 15)]],
    ["last_hour_on_10_minute_marks", local(13, 47), local(14, 47), 10 * 60_000, [50, 60, 70, 80, 90, 100].map((m) => local(13, m))],
    ["last_24_hours_on_6_hour_marks", local(14, 47, 0, 25), local(14, 47), 6 * 3_600_000, [local(18, 0, 0, 25), local(0), local(6), local(12)]],
    ["a_minute_on_10_second_marks", local(14, 0, 1), local(14, 1, 1), 10_000, [11, 21, 31, 41, 51, 61].map((s) => local(14, 0, s - 1))],
  ])("%s", (_name, start, end, step, ticks) => {
    expect(timeTicks(start, end)).toEqual({ stepMs: step, ticks });
  });

  it("never_more_than_asked", () => {
    for (const range of [1, 999, 60_000, 3_600_000, 86_400_000, 7 * 86_400_000]) {
      expect(timeTicks(1_800_000_000_000, 1_800_000_000_000 + range).ticks.length).toBeLessThanOrEqual(7);
    }
  });
});

describe("formatDuration", () => {
  it.each([
    { ms: 0, text: "0ms" },
    { ms: 0.0042, text: "4.2µs" },
    { ms: 0.85, text: "850µs" },
    { ms: 3.14159, text: "3.14ms" },
    { ms: 12.34, text: "12.3ms" },
    { ms: 512.6, text: "513ms" },
    { ms: 1250, text: "1.25s" },
    { ms: 12_345, text: "12.3s" },
    { ms: 125_000, text: "2m 05s" },
    { ms: 3_780_000, text: "1h 03m" },
    { ms: -2.5, text: "-2.5ms" },
    // Rounded first, then the unit picked: a value that rounds up to the next unit's size moves up.
    { ms: 0.9996, text: "1ms" },
    { ms: 999.6, text: "1s" },
    { ms: 999.4, text: "999ms" },
    { ms: 9.996, text: "10ms" },
    { ms: 59_990, text: "1m 00s" },
    { ms: 59_940, text: "59.9s" },
    { ms: 3_599_600, text: "1h 00m" },
    { ms: -999.6, text: "-1s" },
    { ms: Number.NaN, text: "–" },
  ])("$ms ms is $text", ({ ms, text }) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatTimestamp", () => {
  it("shows_unix_nanoseconds_as_formatDateTime_shows_their_millisecond", () => {
    const ms = new Date(2026, 10, 26, 14, 3, 22, 7).getTime();
    expect(formatTimestamp(`${ms}999999`)).toBe("2026-11-26 14:03:22.007");
    expect(formatTimestamp(`${ms}000000`)).toBe(formatDateTime(ms));
  });
});

describe("datetime-local values", () => {
  it("round_trips_local_minutes", () => {
    const ms = new Date(2026, 10, 26, 9, 5).getTime();
    expect(toLocalInputValue(ms)).toBe("2026-11-26T09:05");
    expect(fromLocalInputValue("2026-11-26T09:05")).toBe(ms);
  });

  it.each([["empty", ""], ["garbage", "not a time"]])("%s_is_null", (_name, value) => expect(fromLocalInputValue(value)).toBeNull());
  it("nan_is_empty", () => expect(toLocalInputValue(Number.NaN)).toBe(""));
});

describe("formatTimeOfDay", () => {
  it("is_the_clock_to_the_second", () => expect(formatTimeOfDay(new Date(2026, 10, 26, 9, 5, 7, 999).getTime())).toBe("09:05:07"));
});

describe("formatChartTime", () => {
  const at = new Date(2026, 10, 26, 14, 3, 20).getTime();
  it.each([
    ["a_quarter_hour_shows_seconds", 15 * 60_000, "14:03:20"],
    ["six_hours_show_minutes", 6 * 3_600_000, "14:03"],
    ["a_week_shows_the_day", 7 * 86_400_000, "11-26 14:03"],
  ])("%s", (_name, span, text) => expect(formatChartTime(at, span)).toBe(text));
});
