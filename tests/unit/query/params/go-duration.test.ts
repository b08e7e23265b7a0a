import { describe, expect, it } from "vitest";
import { parseGoDurationNs } from "@/lib/query/params/go-duration";

describe("parseGoDurationNs (Go's time.ParseDuration, non-negative)", () => {
  it.each([
    ["zero", "0", 0n],
    ["seconds_with_fraction", "1.2s", 1_200_000_000n],
    ["milliseconds", "100ms", 100_000_000n],
    ["micro_sign", "5µs", 5_000n],
    ["greek_mu", "5μs", 5_000n],
    ["us", "5us", 5_000n],
    ["nanoseconds", "7ns", 7n],
    ["compound", "1h30m", 5_400_000_000_000n],
    ["compound_with_fraction", "1m0.5s", 60_500_000_000n],
    ["leading_dot", ".5s", 500_000_000n],
    ["trailing_dot", "2.s", 2_000_000_000n],
    ["plus_sign", "+3ms", 3_000_000n],
    ["sub_nanosecond_dropped", "1.5ns", 1n],
  ])("%s", (_name, text, nanos) => {
    expect(parseGoDurationNs(text)).toBe(nanos);
  });

  it.each([
    ["bare_number", "5"],
    ["empty", ""],
    ["negative", "-1s"],
    ["unknown_unit", "3d"],
    ["unit_alone", "ms"],
    ["dot_alone", ".s"],
    ["space", "1 s"],
    ["trailing_garbage", "1sx"],
    ["beyond_the_representable_range", "9999999h"],
  ])("invalid_%s", (_name, text) => {
    expect(parseGoDurationNs(text)).toBeNull();
  });
});
