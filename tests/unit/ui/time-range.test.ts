import { describe, expect, it } from "vitest";
import { chooseStepMs, parseOptionalTimeRange, parseTimeRange, refreshIntervalMs, resolveWindow } from "@/lib/ui/time-range";

const from = (query: string) => {
  const params = new URLSearchParams(query);
  return parseTimeRange((key) => params.get(key));
};

describe("parseTimeRange", () => {
  it.each([
    { query: "", range: { kind: "preset", value: "1h", ms: 3_600_000 } },
    { query: "range=24h", range: { kind: "preset", value: "24h", ms: 86_400_000 } },
    { query: "range=bogus", range: { kind: "preset", value: "1h", ms: 3_600_000 } },
    { query: "start=1000&end=5000", range: { kind: "custom", startMs: 1000, endMs: 5000 } },
    { query: "start=2026-11-26T10:00:00Z&end=2026-11-26T11:00:00Z", range: { kind: "custom", startMs: Date.parse("2026-11-26T10:00:00Z"), endMs: Date.parse("2026-11-26T11:00:00Z") } },
    { query: "start=5000&end=1000&range=6h", range: { kind: "preset", value: "6h", ms: 21_600_000 } },
    { query: "start=nonsense&end=1000", range: { kind: "preset", value: "1h", ms: 3_600_000 } },
    // The trace search's old key, still read for old links; `range` wins when both are given.
    { query: "lookback=6h", range: { kind: "preset", value: "6h", ms: 21_600_000 } },
    { query: "range=15m&lookback=6h", range: { kind: "preset", value: "15m", ms: 900_000 } },
    { query: "lookback=custom&start=1000&end=5000", range: { kind: "custom", startMs: 1000, endMs: 5000 } },
  ])("'$query'", ({ query, range }) => {
    expect(from(query)).toEqual(range);
  });

  it("tells all time (nothing valid given) apart from the default preset", () => {
    const params = new URLSearchParams("range=bogus");
    expect(parseOptionalTimeRange((key) => params.get(key))).toBeNull();
  });

  it("resolves a preset against the clock and a custom window as given", () => {
    expect(resolveWindow(from("range=15m"), 1_000_000)).toEqual({ startMs: 100_000, endMs: 1_000_000 });
    expect(resolveWindow(from("start=1&end=2"), 1_000_000)).toEqual({ startMs: 1, endMs: 2 });
  });
});

describe("chooseStepMs", () => {
  it.each([
    { window: 15 * 60_000, buckets: 120, step: 10_000 },
    { window: 3_600_000, buckets: 120, step: 30_000 },
    { window: 86_400_000, buckets: 120, step: 900_000 },
    { window: 7 * 86_400_000, buckets: 120, step: 7_200_000 },
    { window: 3_600_000, buckets: 24, step: 300_000 },
    { window: 30_000, buckets: 120, step: 1000 },
    { window: 10_000 * 86_400_000, buckets: 120, step: 86_400_000 },
  ])("$window ms in at most $buckets buckets -> $step ms", ({ window, buckets, step }) => {
    expect(chooseStepMs(window, buckets)).toBe(step);
  });
});

describe("refreshIntervalMs", () => {
  it.each([
    { value: null, ms: 0 },
    { value: "off", ms: 0 },
    { value: "10s", ms: 10_000 },
    { value: "1m", ms: 60_000 },
    { value: "5s", ms: 0 },
  ])("$value -> $ms", ({ value, ms }) => {
    expect(refreshIntervalMs(value)).toBe(ms);
  });
});
