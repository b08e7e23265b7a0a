import { describe, expect, it } from "vitest";
import { msToNanos, nanosToMillis, NS_PER_HOUR, NS_PER_MS, NS_PER_S, unixNanoToMs } from "@/lib/domain/time-units";

describe("time units", () => {
  it("factors_are_exact", () => {
    expect(NS_PER_MS * 1000n).toBe(NS_PER_S);
    expect(NS_PER_HOUR).toBe(3_600_000_000_000n);
  });

  it("nanosToMillis_keeps_the_sub_millisecond_fraction", () => expect(nanosToMillis(1_500_250n)).toBeCloseTo(1.50025, 9));
  it("unixNanoToMs_truncates_without_losing_precision", () => expect(unixNanoToMs("1795712400123456789")).toBe(1795712400123));
  it("msToNanos_is_exact_above_2^53_nanoseconds", () => expect(msToNanos(1795712400123)).toBe(1795712400123000000n));
});
