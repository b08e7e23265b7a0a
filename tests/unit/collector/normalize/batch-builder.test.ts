import { describe, expect, it } from "vitest";
import { BatchBuilder, MAX_REJECTION_REASONS } from "@/lib/collector/normalize/batch-builder";

describe("BatchBuilder", () => {
  it("counts every rejection and keeps the first distinct reasons", () => {
    const batch = new BatchBuilder();
    for (const reason of ["a", "a", "b", "c", "d", "e", "f", "g"]) batch.reject(reason);
    expect(batch.finish()).toEqual({
      spans: [],
      rejected: 8,
      errors: ["a", "b", "c", "d", "e"].slice(0, MAX_REJECTION_REASONS),
    });
  });
});
