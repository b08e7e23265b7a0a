import { describe, expect, it } from "vitest";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import { sortTraces, traceSortOf, type TraceSort } from "@/lib/ui/traces/sort-traces";

function trace(id: string, startTimeUnixNano: string, durationMs: number, spanCount: number): TraceSummary {
  return {
    traceId: id.padStart(32, "0"),
    rootService: "svc",
    rootName: "op",
    hasRoot: true,
    startTimeUnixNano,
    endTimeUnixNano: startTimeUnixNano,
    durationMs,
    spanCount,
    errorCount: 0,
    services: [],
  };
}

// The starts differ in digit count (9 vs 10) so a lexical string compare would get them wrong.
const TRACES = [
  trace("a", "999999999", 5, 3),
  trace("b", "1000000002", 50, 1),
  trace("c", "1000000001", 0.5, 9),
  trace("d", "1000000003", 50, 3),
];

describe("sortTraces", () => {
  it.each<[TraceSort, string[]]>([
    ["recent", ["d", "b", "c", "a"]],
    ["longest", ["d", "b", "a", "c"]],
    ["shortest", ["c", "a", "d", "b"]],
    ["spans", ["c", "d", "a", "b"]],
  ])("%s", (sort, order) => {
    expect(sortTraces(TRACES, sort).map((t) => t.traceId.replace(/^0+/, ""))).toEqual(order);
  });

  it("leaves_its_input_alone", () => {
    const input = [...TRACES];
    sortTraces(input, "longest");
    expect(input).toEqual(TRACES);
  });
});

describe("traceSortOf", () => {
  it.each([
    ["spans", "spans"],
    [null, "recent"],
    ["bogus", "recent"],
  ])("%j_is_%s", (value, sort) => {
    expect(traceSortOf(value)).toBe(sort);
  });
});
