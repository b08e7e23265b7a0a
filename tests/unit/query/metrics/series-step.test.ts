import { describe, expect, it } from "vitest";
import { defaultStepNs, MAX_BUCKETS, minimumStepSeconds, seriesLayout } from "@/lib/query/metrics/series-step";

const S = 1_000_000_000n;
const T = 1_735_689_600n * S; // 2025-01-01T00:00:00Z
const window = (seconds: bigint, startOffset = 0n) => ({ startNs: T + startOffset, endNs: T + startOffset + seconds * S });

describe("seriesLayout", () => {
  it.each([
    { name: "aligned_window_inclusive_end_adds_a_bucket", window: window(600n), step: 300n * S, origin: T, count: 3 },
    { name: "aligned_window_ending_just_before_a_bucket", window: { startNs: T, endNs: T + 600n * S - 1n }, step: 300n * S, origin: T, count: 2 },
    { name: "unaligned_start_rounds_down_to_a_step_multiple", window: window(600n, 130n * S), step: 300n * S, origin: T, count: 3 },
    { name: "single_bucket", window: window(10n), step: 3600n * S, origin: T, count: 1 },
  ])("$name", ({ window: w, step, origin, count }) => {
    expect(seriesLayout(w, step)).toEqual({ originNs: origin, stepNs: step, count });
  });
});

describe("defaultStepNs", () => {
  it.each([
    { name: "four_minutes_gets_1s", seconds: 240n, step: 1n },
    { name: "five_minutes_inclusive_is_301_seconds_so_gets_5s", seconds: 300n, step: 5n },
    { name: "one_hour_gets_15s", seconds: 3600n, step: 15n },
    { name: "six_hours_gets_5m", seconds: 6n * 3600n, step: 300n },
    { name: "a_day_gets_5m", seconds: 86_400n, step: 300n },
    { name: "a_week_gets_1h", seconds: 7n * 86_400n, step: 3600n },
    { name: "ten_years_gets_the_largest", seconds: 3650n * 86_400n, step: 86_400n },
  ])("$name", ({ seconds, step }) => {
    expect(defaultStepNs(window(seconds))).toBe(step * S);
  });
});

describe("minimumStepSeconds", () => {
  it.each([
    { name: "a_day", seconds: 86_400n, minimum: 44 },
    { name: "an_hour", seconds: 3600n, minimum: 2 },
    { name: "a_minute", seconds: 60n, minimum: 1 },
  ])("$name_fits_and_one_second_less_does_not", ({ seconds, minimum }) => {
    expect(minimumStepSeconds(window(seconds))).toBe(minimum);
    expect(seriesLayout(window(seconds), BigInt(minimum) * S).count).toBeLessThanOrEqual(MAX_BUCKETS);
    if (minimum > 1) expect(seriesLayout(window(seconds), BigInt(minimum - 1) * S).count).toBeGreaterThan(MAX_BUCKETS);
  });
});
