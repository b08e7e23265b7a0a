import { describe, expect, it } from "vitest";
import { flameLayout } from "@/lib/flame-graph/flame-layout";
import { timedRows } from "@/lib/waterfall/trace-critical-path";
import { bySpanId, CHECKOUT, fixtureTrace, type FixtureSpan } from "../trace-statistics/trace-fixture";

const layoutOf = (spans: FixtureSpan[]) => {
  const trace = fixtureTrace(spans);
  return { trace, layout: flameLayout(timedRows(trace)) };
};

/** Spans written `id<parent from-to` (times in ms; `<parent` left out for a root). */
function spansOf(...lines: string[]): FixtureSpan[] {
  return lines.map((line) => {
    const [, id, parent, from, to] = line.match(/^([\w-]+)(?:<([\w-]+))? ([\d.]+)-([\d.]+)$/)!;
    return { id, parent, from: Number(from), to: Number(to) };
  });
}

/** Each case's lines are worked out by hand in its comment. */
const CASES: Array<{ name: string; spans: FixtureSpan[]; levels: Record<string, number>; lineCount: number }> = [
  {
    // Nothing overlaps: every span's line is its depth.
    name: "sequential children sit at their depth",
    spans: CHECKOUT,
    levels: { root: 0, auth: 1, cart: 1, db: 2, pay: 1, fraud: 2, gateway: 2 },
    lineCount: 3,
  },
  {
    // a 10-50 and b 30-70 overlap: b goes below a (line 2); c 80-90 overlaps neither and goes back up to line 1.
    name: "an overlapping sibling goes below the earlier one, a later free one comes back up",
    spans: spansOf("root 0-100", "a<root 10-50", "b<root 30-70", "c<root 80-90"),
    levels: { root: 0, a: 1, b: 2, c: 1 },
    lineCount: 3,
  },
  {
    // a 10-50 has a child a1 (line 2); b 20-40 overlaps a's subtree (2 lines) so it goes to line 3 and its child b1 to line 4.
    name: "an overlapping sibling goes below the earlier one's whole subtree, taking its own along",
    spans: spansOf("root 0-100", "a<root 10-50", "a1<a 15-45", "b<root 20-40", "b1<b 25-35"),
    levels: { root: 0, a: 1, a1: 2, b: 3, b1: 4 },
    lineCount: 5,
  },
  {
    // a 10-30 ends before b starts but its async child a1 runs 20-60 into b's time 40-50: b goes below a's subtree.
    name: "a subtree's time includes descendants outliving their parent",
    spans: spansOf("root 0-100", "a<root 10-30", "a1<a 20-60", "b<root 40-50"),
    levels: { root: 0, a: 1, a1: 2, b: 3 },
    lineCount: 4,
  },
  {
    // Three children on the same interval take three lines.
    name: "children with the same interval stack",
    spans: spansOf("root 0-100", "a<root 10-20", "b<root 10-20", "c<root 10-20"),
    levels: { root: 0, a: 1, b: 2, c: 3 },
    lineCount: 4,
  },
  {
    // The orphan's parent is missing: like the waterfall, it is a top-level span. It overlaps the root's subtree
    // (2 lines) in time, so it goes to line 2; its child to line 3. The second orphan, after the root, stays on line 0.
    name: "orphans are top-level spans beside the root",
    spans: spansOf("root 0-100", "a<root 10-50", "orphan<missing 20-60", "orphan-child<orphan 30-40", "late<gone 150-160"),
    levels: { root: 0, a: 1, orphan: 2, "orphan-child": 3, late: 0 },
    lineCount: 4,
  },
  {
    // Zero-length spans (siblings are ordered by start, then id): m1 at 50 touches a's end and shares its line; m2 starts
    // at the same instant as m1 and goes below it, and so does x, which starts there too.
    name: "zero-length spans",
    spans: spansOf("root 0-100", "a<root 10-50", "m1<root 50-50", "m2<root 50-50", "x<root 50-70"),
    levels: { root: 0, a: 1, m1: 1, m2: 2, x: 3 },
    lineCount: 4,
  },
  {
    // A clock-skewed child 0-30 of root 10-100 stays one line below it.
    name: "a child starting before its parent",
    spans: spansOf("root 10-100", "early<root 0-30"),
    levels: { root: 0, early: 1 },
    lineCount: 2,
  },
];

describe("flameLayout", () => {
  for (const { name, spans, levels, lineCount } of CASES) {
    it(name, () => {
      const { trace, layout } = layoutOf(spans);
      expect(bySpanId(trace, layout.level)).toEqual(levels);
      expect(layout.levels).toBe(lineCount);
    });
  }

  it("keeps each line's bars by start time and never overlapping, on a random trace with concurrent children", () => {
    // A deterministic pseudo-random tree of 2,000 spans whose children overlap freely and may outlive their parent.
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const spans: FixtureSpan[] = [{ id: "s0", from: 0, to: 1000 }];
    for (let i = 1; i < 2000; i++) {
      const parent = spans[Math.floor(random() * i)];
      const from = parent.from + random() * (parent.to - parent.from);
      spans.push({ id: `s${i}`, parent: parent.id, from, to: from + random() * (random() < 0.1 ? 400 : 60) });
    }
    const { trace, layout } = layoutOf(spans);
    const placed = layout.rowsOfLevel.reduce((sum, line) => sum + line.length, 0);
    expect(placed).toBe(spans.length);
    for (const line of layout.rowsOfLevel)
      for (let at = 1; at < line.length; at++) {
        expect(layout.startMs[line[at]]).toBeGreaterThanOrEqual(layout.startMs[line[at - 1]]);
        expect(layout.startMs[line[at]]).toBeGreaterThanOrEqual(layout.endMs[line[at - 1]]);
      }
    // Every span is below its parent.
    for (let row = 1; row < trace.spans.length; row++) expect(layout.level[row]).toBeGreaterThan(layout.level[trace.parent[row]]);
  });

  it("lays out a 100,000-deep chain without recursion", () => {
    const spans: FixtureSpan[] = Array.from({ length: 100_000 }, (_, i) => ({ id: `s${i}`, parent: i === 0 ? undefined : `s${i - 1}`, from: i / 1000, to: 200 - i / 1000 }));
    const { layout } = layoutOf(spans);
    expect(layout.levels).toBe(100_000);
    expect(layout.level[99_999]).toBe(99_999);
  });

  it("lays out an empty trace", () => {
    const layout = flameLayout({ startMs: [], endMs: [], parent: new Int32Array(0) });
    expect(layout.levels).toBe(0);
    expect(layout.rowsOfLevel).toEqual([]);
  });
});
