import { describe, expect, it } from "vitest";
import { resourceKey } from "@/lib/store/span-resources";
import { needsStartAlignment, SPAN_RESOURCE_COLUMN, SPANS } from "@/lib/store/table-writes";
import type { TraceDelta } from "@/lib/store/trace-summary";
import { testSpan } from "../../store/support/test-spans";

const delta = (startTimeNs: bigint, spanCount: number): TraceDelta => ({
  traceId: "t",
  rootService: "api",
  rootName: "GET /",
  hasRoot: true,
  startTimeNs,
  endTimeNs: startTimeNs + 10n,
  spanCount,
  errorCount: 0,
});

describe("needsStartAlignment", () => {
  it.each<[string, TraceDelta, { startTimeNs: bigint; spanCount: number }, boolean]>([
    ["newTrace", delta(100n, 3), { startTimeNs: 100n, spanCount: 3 }, false],
    ["existingTrace_batchMovedStartEarlier", delta(50n, 2), { startTimeNs: 50n, spanCount: 5 }, true],
    ["existingTrace_startUnchangedByBatch", delta(150n, 2), { startTimeNs: 100n, spanCount: 5 }, false],
  ])("%s", (_name, trace, upserted, expected) => {
    expect(needsStartAlignment(trace, upserted)).toBe(expected);
  });
});

describe("SPANS.values", () => {
  it("oneValuePerColumn_durationDerived", () => {
    const span = testSpan({ traceId: "t", spanId: "s", startTimeNs: 10n, endTimeNs: 25n });
    const values = SPANS.values(span);
    const columns = Object.keys(SPANS.columns);
    expect(values).toHaveLength(columns.length);
    expect(values[columns.indexOf("duration_ns")]).toBe(15n);
  });

  it("resourceColumn_holdsTheResourceKeyForTheStoreToBind", () => {
    const resource = { "service.name": "api" };
    const [first, second] = ["a", "b"].map((spanId) => SPANS.values(testSpan({ traceId: "t", spanId, resourceAttributes: resource }))[SPAN_RESOURCE_COLUMN]);
    expect(SPAN_RESOURCE_COLUMN).toBe(Object.keys(SPANS.columns).indexOf("resource_id"));
    expect(first).toBe(resourceKey(testSpan({ traceId: "t", spanId: "c", resourceAttributes: resource })));
    expect(second).toBe(first);
  });
});
