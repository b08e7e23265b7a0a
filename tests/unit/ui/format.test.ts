import { describe, expect, it } from "vitest";
import { formatPercent, formatRate } from "@/lib/ui/format";

describe("formatPercent", () => {
  it.each([
    { ratio: 0, text: "0%" },
    { ratio: 0.0005, text: "0.05%" },
    { ratio: 0.025, text: "2.5%" },
    { ratio: 0.5, text: "50%" },
    { ratio: 1, text: "100%" },
    { ratio: null, text: "–" },
  ])("$ratio -> $text", ({ ratio, text }) => expect(formatPercent(ratio)).toBe(text));
});

describe("formatRate", () => {
  it.each([
    { rate: 0, text: "0/s" },
    { rate: 0.0234, text: "0.023/s" },
    { rate: 0.5, text: "0.5/s" },
    { rate: 3.42, text: "3.4/s" },
    { rate: 120.2, text: "120/s" },
  ])("$rate -> $text", ({ rate, text }) => expect(formatRate(rate)).toBe(text));
});
