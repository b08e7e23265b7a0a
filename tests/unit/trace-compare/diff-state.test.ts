import { describe, expect, it } from "vitest";
import { diffState, withinTolerance, type DiffState } from "@/lib/trace-compare/diff-state";

describe("diffState", () => {
  it.each<[string, [number, number, number, number], DiffState]>([
    ["onlyInA", [1, 10, 0, 0], "only-a"],
    ["onlyInB", [0, 0, 2, 10], "only-b"],
    ["sameTime", [1, 100, 1, 100], "unchanged"],
    ["withinFivePercent", [1, 100, 1, 104.9], "unchanged"],
    ["justAboveFivePercent", [1, 100, 1, 105.5], "slower"],
    ["fiveAndAHalfPercentFaster", [1, 105.5, 1, 100], "faster"],
    ["subMillisecondTripled", [1, 0.3, 1, 0.9], "unchanged"],
    ["millisecondAndAHalfMore", [1, 0.3, 1, 1.8], "slower"],
    ["moreSpansSameTime", [1, 20, 2, 20], "unchanged"],
    ["moreSpansMoreTime", [2, 20, 5, 50], "slower"],
  ])("%s", (_name, [countA, totalA, countB, totalB], state) => {
    expect(diffState(countA, totalA, countB, totalB)).toBe(state);
  });

  it("tolerance is symmetric", () => {
    for (const [a, b] of [
      [100, 105],
      [0.2, 1.2],
      [1000, 1049],
      [1000, 1051],
    ])
      expect(withinTolerance(a, b)).toBe(withinTolerance(b, a));
  });
});
