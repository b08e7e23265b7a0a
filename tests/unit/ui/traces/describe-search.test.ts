import { describe, expect, it } from "vitest";
import { DEFAULT_SEARCH as BASE } from "./fixtures";
import { describeSearch, durationFilterNote } from "@/lib/ui/traces/describe-search";

const WINDOW = { startMs: new Date(2026, 10, 26, 10, 0).getTime(), endMs: new Date(2026, 10, 26, 11, 30).getTime() };

describe("describeSearch", () => {
  it.each([
    ["nothing_but_the_window", BASE, "in the last hour"],
    [
      "every_filter",
      { ...BASE, service: "api", operation: "GET /", tags: [{ key: "a", value: "1" }, { key: "b", value: "x y" }], minDuration: "100ms", maxDuration: "2s", lookback: "7d" as const },
      'service api, operation GET /, tags a=1, b="x y", between 100ms and 2s, in the last 7 days',
    ],
    ["minimum_only", { ...BASE, minDuration: "5ms" }, "at least 5ms, in the last hour"],
    ["span_maximum", { ...BASE, maxDuration: "1s", spanDuration: true }, "a span of at most 1s, in the last hour"],
    ["custom_range", { ...BASE, lookback: "custom" as const, start: "x", end: "y" }, "between 2026-11-26 10:00:00.000 and 2026-11-26 11:30:00.000"],
  ])("%s", (_name, search, text) => {
    expect(describeSearch(search, WINDOW)).toBe(text);
  });
});

describe("durationFilterNote", () => {
  it.each([
    ["no_duration_filter_no_note", BASE, "trace" as const, undefined],
    ["trace_match", { ...BASE, minDuration: "1ms" }, "trace" as const, /whole traces/],
    ["span_match", { ...BASE, maxDuration: "1s" }, "span" as const, /single spans/],
    ["api_silent_no_note", { ...BASE, maxDuration: "1s" }, null, undefined],
  ])("%s", (_name, search, matched, note) => {
    const text = durationFilterNote(search, matched);
    if (note === undefined) expect(text).toBeUndefined();
    else expect(text).toMatch(note);
  });
});
