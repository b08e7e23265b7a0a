import { describe, expect, it } from "vitest";
import { hoursToNs, lastHours, msToNs, placeInWindow, toHrTime } from "@/scripts/demo/clock";
import { createRandom } from "@/scripts/demo/random";

describe("toHrTime", () => {
  it.each<[string, bigint, [number, number]]>([
    ["nineteenDigits_exact", 1_764_000_123_456_789_123n, [1_764_000_123, 456_789_123]],
    ["wholeSecond", 1_700_000_000_000_000_000n, [1_700_000_000, 0]],
    ["lastNanosecondOfASecond", 1_700_000_000_999_999_999n, [1_700_000_000, 999_999_999]],
  ])("%s", (_name, ns, expected) => {
    expect(toHrTime(ns)).toEqual(expected);
  });
});

describe("durations", () => {
  it.each<[string, number, number]>([
    ["wholeMs", 3, 3_000_000],
    ["fractionalMs_roundedToNs", 0.0000014, 1],
    ["negativeClampedToZero", -1, 0],
  ])("msToNs_%s", (_name, ms, ns) => {
    expect(msToNs(ms)).toBe(ns);
  });

  it("hoursToNs_sixHours", () => {
    expect(hoursToNs(6)).toBe(21_600_000_000_000n);
  });
});

describe("placeInWindow", () => {
  const end = 1_764_000_000_000_000_000n;
  const window = lastHours(6, end);

  it("startAndEndInsideTheWindow", () => {
    const random = createRandom("place");
    const extent = 45_000_000_000; // 45 s
    for (let i = 0; i < 2_000; i++) {
      const start = placeInWindow(random, window, extent);
      expect(start).toBeGreaterThanOrEqual(window.startNs);
      expect(start + BigInt(extent)).toBeLessThanOrEqual(window.endNs);
    }
  });

  it("spreadsOverTheWholeWindow", () => {
    const random = createRandom("spread");
    const hours = new Set<bigint>();
    for (let i = 0; i < 500; i++) hours.add((placeInWindow(random, window, 0) - window.startNs) / hoursToNs(1));
    expect([...hours].sort()).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
  });

  it("longerThanTheWindow_startsAtItsStart", () => {
    const tiny = lastHours(0.1, end);
    expect(placeInWindow(createRandom(1), tiny, 3_600_000_000_000)).toBe(tiny.startNs);
  });
});
