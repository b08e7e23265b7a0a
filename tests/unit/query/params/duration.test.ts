import { describe, expect, it } from "vitest";
import { DurationParam, parseDurationNs } from "@/lib/query/params/duration";

describe("parseDurationNs", () => {
  it.each([
    ["150ms", 150_000_000n],
    ["1.2s", 1_200_000_000n],
    ["500us", 500_000n],
    ["500µs", 500_000n],
    ["250", 250_000_000n],
    ["0.5", 500_000n],
    ["2m", 120_000_000_000n],
    ["1h", 3_600_000_000_000n],
    ["7ns", 7n],
    [" 3 ms ", 3_000_000n],
  ])("%s_is_%s_ns", (text, nanos) => {
    expect(parseDurationNs(text)).toBe(nanos);
  });

  it.each(["", "ms", "-5ms", "1.2.3s", "5 days", "1e3", "abc"])("malformed_%j_is_null", (text) => {
    expect(parseDurationNs(text)).toBeNull();
  });

  it("schema_error_names_the_value_and_units", () => {
    const result = DurationParam.safeParse("fast");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/invalid duration "fast".*ms/);
  });
});
