import { describe, expect, it } from "vitest";
import { deltaTone, formatDelta } from "@/lib/ui/trace-compare/diff-style";

describe("formatDelta", () => {
  it.each([
    [0, "±0"],
    [56, "+56ms"],
    [-24, "-24ms"],
    [0.5, "+500µs"],
    [-1500, "-1.5s"],
  ])("%s ms reads %s", (ms, text) => {
    expect(formatDelta(ms)).toBe(text);
  });
});

describe("deltaTone", () => {
  it.each([
    ["slowerIsRed", 5, false, "text-red-700"],
    ["fasterIsGreen", -5, false, "text-emerald-700"],
    ["withinToleranceIsGrey", 5, true, "text-zinc-500"],
    ["zeroIsGrey", 0, false, "text-zinc-500"],
  ])("%s", (_name, ms, unchanged, tone) => {
    expect(deltaTone(ms as number, unchanged as boolean)).toContain(tone);
  });
});
