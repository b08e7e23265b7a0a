import { describe, expect, it } from "vitest";
import { sparklinePoints } from "@/lib/ui/sparkline";

describe("sparklinePoints", () => {
  it.each([
    { name: "scales to the maximum", values: [0, 5, 10], points: "0,9 5,5 10,1" },
    { name: "flat zero lies on the bottom", values: [0, 0], points: "0,9 10,9" },
    { name: "a null is drawn as zero", values: [10, null], points: "0,1 10,9" },
    { name: "one value sits at the left", values: [3], points: "0,1" },
    { name: "no values, no points", values: [], points: "" },
  ])("$name", ({ values, points }) => {
    expect(sparklinePoints(values, 10, 10)).toBe(points);
  });
});
