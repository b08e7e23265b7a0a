import { describe, expect, it } from "vitest";
import { pathTo, stepFrom, type FlameStep } from "@/lib/flame-graph/flame-navigation";
import { CHECKOUT, fixtureTrace } from "../trace-statistics/trace-fixture";

const trace = fixtureTrace([...CHECKOUT, { id: "orphan", parent: "missing", from: 130, to: 140 }]);
const rowOf = (id: string) => trace.spans.findIndex((span) => span.spanId === id);
const idOf = (row: number | null) => (row === null ? null : trace.spans[row].spanId);

describe("flame graph keyboard steps", () => {
  const cases: Array<{ from: string; step: FlameStep; to: string | null }> = [
    { from: "db", step: "parent", to: "cart" },
    { from: "root", step: "parent", to: null },
    { from: "root", step: "child", to: "auth" },
    { from: "auth", step: "child", to: null },
    { from: "auth", step: "next", to: "cart" },
    { from: "cart", step: "next", to: "pay" },
    { from: "pay", step: "next", to: null },
    { from: "pay", step: "previous", to: "cart" },
    { from: "auth", step: "previous", to: null },
    { from: "gateway", step: "previous", to: "fraud" },
    { from: "fraud", step: "next", to: "gateway" },
    // Top-level spans (the root and an orphan) are siblings of each other, as in the waterfall.
    { from: "root", step: "next", to: "orphan" },
    { from: "orphan", step: "previous", to: "root" },
    { from: "orphan", step: "next", to: null },
  ];
  for (const { from, step, to } of cases) it(`${step} of ${from} is ${to}`, () => expect(idOf(stepFrom(trace, rowOf(from), step))).toBe(to));
});

describe("breadcrumb path", () => {
  it("runs from the top-level span down to the row", () => {
    expect(pathTo(trace.parent, rowOf("gateway")).map(idOf)).toEqual(["root", "pay", "gateway"]);
    expect(pathTo(trace.parent, rowOf("orphan")).map(idOf)).toEqual(["orphan"]);
  });
});
