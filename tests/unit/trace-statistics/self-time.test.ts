import { describe, expect, it } from "vitest";
import { selfTimes } from "@/lib/waterfall/self-time";
import { timedRows } from "@/lib/waterfall/trace-critical-path";
import { bySpanId, CHECKOUT, fixtureTrace, type FixtureSpan } from "./trace-fixture";

/** Each case's expected self times are worked out by hand in its comment. */
const CASES: Array<{ name: string; spans: FixtureSpan[]; self: Record<string, number> }> = [
  {
    // root 0-100: a 10-50 and b 30-70 overlap (union 10-70 = 60), c 80-90 = 10; covered 70.
    name: "overlapping children count once",
    spans: [
      { id: "root", from: 0, to: 100 },
      { id: "a", parent: "root", from: 10, to: 50 },
      { id: "b", parent: "root", from: 30, to: 70 },
      { id: "c", parent: "root", from: 80, to: 90 },
    ],
    self: { root: 30, a: 40, b: 40, c: 10 },
  },
  {
    // root 0-100 covered by a 10-20 three times over: 10.
    name: "children with the same interval",
    spans: [
      { id: "root", from: 0, to: 100 },
      { id: "a", parent: "root", from: 10, to: 20 },
      { id: "b", parent: "root", from: 10, to: 20 },
      { id: "c", parent: "root", from: 10, to: 20 },
    ],
    self: { root: 90, a: 10, b: 10, c: 10 },
  },
  {
    // a 0-40 has a1 30-60: only 30-40 is a's, so a keeps 30. b 90-130 covers root only up to its end, 90-100.
    // root 0-100 is covered by a (0-40) and b (90-100): 50.
    name: "children extending past their parent are clipped to it",
    spans: [
      { id: "root", from: 0, to: 100 },
      { id: "a", parent: "root", from: 0, to: 40 },
      { id: "a1", parent: "a", from: 30, to: 60 },
      { id: "b", parent: "root", from: 90, to: 130 },
    ],
    self: { root: 50, a: 30, a1: 30, b: 40 },
  },
  {
    // A clock-skewed child 0-30 of root 10-100 covers 10-30 of it.
    name: "a child starting before its parent is clipped to the parent's start",
    spans: [
      { id: "root", from: 10, to: 100 },
      { id: "early", parent: "root", from: 0, to: 30 },
    ],
    self: { root: 70, early: 30 },
  },
  {
    // job 60-90 starts after root 0-50 ended: it covers none of root. The producer 10-20 covers 10;
    // its consumer 30-80 starts after the producer ended, so the producer keeps all of its 10.
    name: "async (follows-from) children starting after their parent ended cover nothing",
    spans: [
      { id: "root", from: 0, to: 50 },
      { id: "producer", parent: "root", from: 10, to: 20 },
      { id: "consumer", parent: "producer", from: 30, to: 80 },
      { id: "job", parent: "root", from: 60, to: 90 },
    ],
    self: { root: 40, producer: 10, consumer: 50, job: 30 },
  },
  {
    // The orphan's parent never arrived: it is a top-level row, and not the root's child.
    name: "orphans are their own tops and cover no one",
    spans: [
      { id: "root", from: 0, to: 100 },
      { id: "a", parent: "root", from: 10, to: 20 },
      { id: "orphan", parent: "lost", from: 30, to: 60 },
      { id: "o1", parent: "orphan", from: 40, to: 50 },
    ],
    self: { root: 90, a: 10, orphan: 20, o1: 10 },
  },
  { name: "a one-span trace", spans: [{ id: "only", from: 0, to: 25 }], self: { only: 25 } },
  {
    // Zero-length children cover nothing; a zero-length span has no self time.
    name: "zero-duration spans",
    spans: [
      { id: "root", from: 0, to: 10 },
      { id: "z", parent: "root", from: 5, to: 5 },
      { id: "z1", parent: "z", from: 5, to: 5 },
      { id: "late", parent: "root", from: 10, to: 10 },
    ],
    self: { root: 10, z: 0, z1: 0, late: 0 },
  },
  {
    // Each level is wholly covered by the next; only the deepest keeps its time.
    name: "a chain of equal spans",
    spans: [
      { id: "root", from: 0, to: 100 },
      { id: "a", parent: "root", from: 0, to: 100 },
      { id: "a1", parent: "a", from: 0, to: 100 },
    ],
    self: { root: 0, a: 0, a1: 100 },
  },
  {
    // root 120 - (15 + 38 + 53); cart 38 - 30; payment 53 - (10 + 34).
    name: "the checkout",
    spans: CHECKOUT,
    self: { root: 14, auth: 15, cart: 8, db: 30, pay: 9, fraud: 10, gateway: 34 },
  },
];

describe("selfTimes", () => {
  it.each(CASES)("$name", ({ spans, self }) => {
    const trace = fixtureTrace(spans);
    expect(bySpanId(trace, selfTimes(timedRows(trace)))).toEqual(self);
  });

  it("takes a 100,000-deep chain in one pass", () => {
    const count = 100_000;
    const parent = Int32Array.from({ length: count }, (_, row) => row - 1);
    const self = selfTimes({ startMs: Array.from({ length: count }, (_, row) => row), endMs: Array.from({ length: count }, () => 2 * count), parent });
    expect(self[0]).toBe(1);
    expect(self[count - 1]).toBe(count + 1);
  });
});
