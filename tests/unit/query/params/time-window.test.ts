import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInstantNs, timeWindowShape, toTimeWindow, windowInOrder } from "@/lib/query/params/time-window";

const MS = 1_000_000n;

describe("parseInstantNs", () => {
  it("unix_millis", () => expect(parseInstantNs("1795712400000")).toBe(1_795_712_400_000n * MS));
  it("iso_8601_with_zone", () => expect(parseInstantNs("2026-11-26T17:00:00.250Z")).toBe(BigInt(Date.UTC(2026, 10, 26, 17, 0, 0, 250)) * MS));
  it.each(["yesterday", "2026-13-45T99:00:00Z", "-5", "12.5", ""])("malformed_%j_is_null", (text) => {
    expect(parseInstantNs(text)).toBeNull();
  });
});

describe("toTimeWindow", () => {
  const now = 1_795_712_400_000;
  it("defaults_to_the_last_hour_before_now", () => {
    expect(toTimeWindow({}, undefined, now)).toEqual({ startNs: BigInt(now - 3_600_000) * MS, endNs: BigInt(now) * MS });
  });
  it("start_defaults_to_lookback_before_a_given_end", () => {
    expect(toTimeWindow({ end: 10_000n * MS }, 1_000, now)).toEqual({ startNs: 9_000n * MS, endNs: 10_000n * MS });
  });
  it("keeps_both_given_bounds", () => {
    expect(toTimeWindow({ start: 1n, end: 2n }, undefined, now)).toEqual({ startNs: 1n, endNs: 2n });
  });
});

describe("windowInOrder", () => {
  const Query = z.object(timeWindowShape).superRefine(windowInOrder());
  it("rejects_start_after_end_on_start", () => {
    const result = Query.safeParse({ start: "2000", end: "1000" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["start"], message: "start must not be after end" });
  });
  it("accepts_an_ordered_window", () => {
    expect(Query.parse({ start: "1000", end: "2000" })).toEqual({ start: 1000n * MS, end: 2000n * MS });
  });
});
