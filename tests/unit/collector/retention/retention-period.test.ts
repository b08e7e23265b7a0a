import { describe, expect, it } from "vitest";
import { retentionIntervalMs, retentionSeconds } from "@/lib/collector/retention/retention-config";
import { msUntilNextPeriod, retentionPeriodStartMs } from "@/lib/collector/retention/retention-period";

const MINUTES_10 = 600_000;
const BOUNDARY = 1_700_000_400_000; // a multiple of 10 minutes

describe("retention periods", () => {
  it.each([
    { name: "atBoundary_isItsOwnPeriod_nextIsAWholeIntervalAway", now: BOUNDARY, start: BOUNDARY, next: MINUTES_10 },
    { name: "justAfterBoundary", now: BOUNDARY + 1, start: BOUNDARY, next: MINUTES_10 - 1 },
    { name: "timerOneMsEarly_previousPeriod_nextInOneMs", now: BOUNDARY - 1, start: BOUNDARY - MINUTES_10, next: 1 },
    { name: "midPeriod", now: BOUNDARY + 250_000, start: BOUNDARY, next: 350_000 },
  ])("$name", ({ now, start, next }) => {
    expect(retentionPeriodStartMs(now, MINUTES_10)).toBe(start);
    expect(msUntilNextPeriod(now, MINUTES_10)).toBe(next);
  });

  it("instancesStartedApart_shareTheBoundaries", () => {
    const starts = [BOUNDARY + 1_234, BOUNDARY + 599_999, BOUNDARY + 42_000];
    const firstTicks = starts.map((now) => now + msUntilNextPeriod(now, MINUTES_10));
    expect(firstTicks).toEqual([BOUNDARY + MINUTES_10, BOUNDARY + MINUTES_10, BOUNDARY + MINUTES_10]);
  });
});

describe("retention config", () => {
  it.each([
    { name: "unset_defaults", env: {}, seconds: 168 * 3600, intervalMs: 600_000 },
    { name: "empty_defaults", env: { TRACEBOARD_RETENTION_HOURS: "", TRACEBOARD_RETENTION_INTERVAL_SECONDS: "" }, seconds: 168 * 3600, intervalMs: 600_000 },
    { name: "set", env: { TRACEBOARD_RETENTION_HOURS: "0.5", TRACEBOARD_RETENTION_INTERVAL_SECONDS: "4" }, seconds: 1800, intervalMs: 4_000 },
  ])("$name", ({ env, seconds, intervalMs }) => {
    expect(retentionSeconds(env)).toBe(seconds);
    expect(retentionIntervalMs(env)).toBe(intervalMs);
  });

  it.each([
    { name: "intervalZero", value: "0" },
    { name: "intervalFraction", value: "1.5" },
    { name: "intervalNotANumber", value: "ten" },
  ])("$name_refusedNamingTheVariable", ({ value }) => {
    expect(() => retentionIntervalMs({ TRACEBOARD_RETENTION_INTERVAL_SECONDS: value })).toThrow(/TRACEBOARD_RETENTION_INTERVAL_SECONDS/);
  });

  it("badInterval_doesNotStopReadingTheRetention", () => {
    expect(retentionSeconds({ TRACEBOARD_RETENTION_HOURS: "2", TRACEBOARD_RETENTION_INTERVAL_SECONDS: "0" })).toBe(7200);
  });
});
