import { describe, expect, it } from "vitest";
import { generateTraceId } from "@/lib/trace-context/ids";
import { parseSampleRatio, shouldSampleTraceId } from "@/lib/trace-context/sampling";
import { TRACE_ID } from "./fixtures";

const randomTraceIds = (n: number) => Array.from({ length: n }, generateTraceId);
const IDS = randomTraceIds(20_000);
const fractionSampled = (ratio: number) => IDS.filter((id) => shouldSampleTraceId(id, ratio)).length / IDS.length;

describe("shouldSampleTraceId", () => {
  it.each([
    ["ratio1_always", 1, 1],
    ["ratioAbove1_always", 1.5, 1],
    ["ratio0_never", 0, 0],
    ["ratioNegative_never", -0.5, 0],
    ["ratioNaN_never", Number.NaN, 0],
  ])("%s", (_name, ratio, fraction) => {
    expect(fractionSampled(ratio)).toBe(fraction);
  });

  it.each([
    ["ratio0.25", 0.25, 0.22, 0.28],
    ["ratio0.5", 0.5, 0.47, 0.53],
    ["ratio0.9", 0.9, 0.88, 0.92],
  ])("fraction_%s: within [%f, %f] over 20k random trace ids", (_name, ratio, min, max) => {
    const fraction = fractionSampled(ratio);
    expect(fraction).toBeGreaterThanOrEqual(min);
    expect(fraction).toBeLessThanOrEqual(max);
  });

  it.each([
    ["ratio0.25", 0.25],
    ["ratio0.5", 0.5],
    ["ratio0.75", 0.75],
  ])("deterministic_%s: same id gives the same decision every call", (_name, ratio) => {
    for (const id of [TRACE_ID, ...IDS.slice(0, 500)]) {
      const first = shouldSampleTraceId(id, ratio);
      for (let i = 0; i < 3; i++) expect(shouldSampleTraceId(id, ratio)).toBe(first);
    }
  });

  it.each([
    ["0.3_implies_0.6", 0.3, 0.6],
    ["0.1_implies_0.11", 0.1, 0.11],
    ["0.5_implies_0.99", 0.5, 0.99],
  ])("monotonic_%s: sampled at the lower ratio implies sampled at the higher", (_name, low, high) => {
    const sampledLow = IDS.filter((id) => shouldSampleTraceId(id, low));
    expect(sampledLow.length).toBeGreaterThan(0);
    for (const id of sampledLow) expect(shouldSampleTraceId(id, high)).toBe(true);
  });

  it.each([
    ["maxRandomness_sampledAtTinyRatio", `${"0".repeat(18)}${"f".repeat(14)}`, 0.001, true],
    ["minRandomness_notSampledAtHighRatio", `${"f".repeat(18)}${"0".repeat(13)}1`, 0.999, false],
  ])("usesRightmost56Bits_%s", (_name, id, ratio, expected) => {
    expect(shouldSampleTraceId(id, ratio)).toBe(expected);
  });
});

describe("parseSampleRatio", () => {
  it.each([
    ["unset_fallback", undefined, 0.7, 0.7],
    ["unset_defaultFallbackIs1", undefined, undefined, 1],
    ["empty_fallback", "", 0.7, 0.7],
    ["whitespace_fallback", "  ", 0.7, 0.7],
    ["half", "0.5", 0.7, 0.5],
    ["zero", "0", 0.7, 0],
    ["one", "1", 0.7, 1],
    ["surroundingSpaces", " 0.25 ", 0.7, 0.25],
    ["notANumber_fallback", "abc", 0.7, 0.7],
    ["aboveOne_fallback", "2", 0.7, 0.7],
    ["negative_fallback", "-1", 0.7, 0.7],
    ["infinity_fallback", "Infinity", 0.7, 0.7],
    ["trailingGarbage_fallback", "0.5x", 0.7, 0.7],
  ])("%s", (_name, value, fallback, expected) => {
    expect(parseSampleRatio(value, fallback)).toBe(expected);
  });
});
