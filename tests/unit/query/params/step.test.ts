import { describe, expect, it } from "vitest";
import { parseStepNs, StepParam } from "@/lib/query/params/step";

const S = 1_000_000_000n;

describe("StepParam", () => {
  it.each([
    { text: "60", ns: 60n * S },
    { text: "5m", ns: 300n * S },
    { text: "30s", ns: 30n * S },
    { text: "1h", ns: 3600n * S },
    { text: "1.5s", ns: 1_500_000_000n },
    { text: "1000ms", ns: S },
  ])("$text_is_$ns_ns", ({ text, ns }) => {
    expect(parseStepNs(text)).toBe(ns);
    expect(StepParam.parse(text)).toBe(ns);
  });

  it.each(["", "soon", "-5m", "999ms", "0", "5 minutes"])("%j_is_rejected", (text) => {
    const result = StepParam.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/invalid step/);
  });
});
