import { describe, expect, it } from "vitest";
import { AuditSeverityParam } from "@/lib/api/contracts/audit";
import { SEVERITY_STYLE } from "@/lib/ui/audit/severity-style";

describe("SEVERITY_STYLE", () => {
  it("styles_every_severity_with_a_distinct_dot", () => {
    const dots = AuditSeverityParam.options.map((severity) => SEVERITY_STYLE[severity].dot);
    expect(dots.every(Boolean)).toBe(true);
    expect(new Set(dots).size).toBe(dots.length);
  });
});
