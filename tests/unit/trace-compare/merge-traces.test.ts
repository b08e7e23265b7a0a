import { describe, expect, it } from "vitest";
import { compareTraces } from "@/lib/trace-compare/compare-traces";
import { mergeTraces } from "@/lib/trace-compare/merge-traces";
import { describeNodes, outline, span } from "./compare-fixture";

const DAY_NS = 86_400_000_000_000n;
const LATER = 1_796_000_000_000_000_000n + DAY_NS;

/** An order request: auth, then a query with a nested fetch. */
const ORDER = ["api:GET /order 0..100", "  api:auth 0..10", "  db:SELECT 10..50", "    db:fetch 12..40"];

const ORDER_LINES = [
  "api:GET /order A 1×100 self 50 B 1×100 self 50 unchanged",
  "  api:auth A 1×10 self 10 B 1×10 self 10 unchanged",
  "  db:SELECT A 1×40 self 12 B 1×40 self 12 unchanged",
  "    db:fetch A 1×28 self 28 B 1×28 self 28 unchanged",
];

/** Each case: trace A and trace B as outlines (B's spans from `laterB` on, when given), and the merged tree expected. */
const CASES: Array<{ name: string; a: string[]; b: string[]; laterB?: boolean; lines: string[] }> = [
  { name: "identical traces", a: ORDER, b: ORDER, lines: ORDER_LINES },
  {
    name: "an added span",
    a: ORDER,
    b: [...ORDER, "  cache:get 50..55"],
    lines: ["api:GET /order A 1×100 self 50 B 1×100 self 45 unchanged", ...ORDER_LINES.slice(1), "  cache:get A 0×0 self 0 B 1×5 self 5 only-b"],
  },
  {
    name: "a removed subtree",
    a: ORDER,
    b: ORDER.slice(0, 2),
    lines: [
      "api:GET /order A 1×100 self 50 B 1×100 self 90 unchanged",
      "  api:auth A 1×10 self 10 B 1×10 self 10 unchanged",
      "  db:SELECT A 1×40 self 12 B 0×0 self 0 only-a",
      "    db:fetch A 1×28 self 28 B 0×0 self 0 only-a",
    ],
  },
  {
    name: "repeated (service, operation) siblings aggregated",
    a: ["api:GET 0..100", ...[0, 20, 40].map((from) => `  db:SELECT ${from}..${from + 10}`)],
    b: ["api:GET 0..100", ...[0, 20, 40, 60, 80].map((from) => `  db:SELECT ${from}..${from + 10}`)],
    lines: ["api:GET A 1×100 self 70 B 1×100 self 50 unchanged", "  db:SELECT A 3×30 self 30 B 5×50 self 50 slower"],
  },
  {
    name: "overlapping children count once in the parent's self time",
    a: ["api:GET 0..100", "  w:a 0..60", "  w:b 40..100"],
    b: ["api:GET 0..100", "  w:a 0..60", "  w:b 40..70"],
    lines: ["api:GET A 1×100 self 0 B 1×100 self 30 unchanged", "  w:a A 1×60 self 60 B 1×60 self 60 unchanged", "  w:b A 1×60 self 60 B 1×30 self 30 faster"],
  },
  {
    name: "orphans whose parent is missing stand apart from the root",
    a: ["api:GET 0..100", "?db:SELECT 20..30", "?api:GET 50..60"],
    b: ["api:GET 0..100", "?db:SELECT 20..35"],
    lines: [
      "api:GET A 1×100 self 100 B 1×100 self 100 unchanged",
      "(orphan) db:SELECT A 1×10 self 10 B 1×15 self 15 slower",
      "(orphan) api:GET A 1×10 self 10 B 0×0 self 0 only-a",
    ],
  },
  {
    name: "clock differences: B a day later, a child skewed before its parent, a span ending before it starts",
    a: ["api:GET 0..100", "  db:SELECT 10..50", "  cache:get 60..61"],
    b: ["api:GET 0..100", "  db:SELECT -5..35", "  cache:get 60..55"],
    laterB: true,
    lines: ["api:GET A 1×100 self 59 B 1×100 self 65 unchanged", "  db:SELECT A 1×40 self 40 B 1×40 self 40 unchanged", "  cache:get A 1×1 self 1 B 1×0 self 0 unchanged"],
  },
  {
    name: "the same operation under different parents is a different path",
    a: ["api:GET 0..100", "  x:call 0..50", "    db:q 0..40"],
    b: ["api:GET 0..100", "  y:call 0..50", "    db:q 0..40"],
    lines: [
      "api:GET A 1×100 self 50 B 1×100 self 50 unchanged",
      "  x:call A 1×50 self 10 B 0×0 self 0 only-a",
      "    db:q A 1×40 self 40 B 0×0 self 0 only-a",
      "  y:call A 0×0 self 0 B 1×50 self 10 only-b",
      "    db:q A 0×0 self 0 B 1×40 self 40 only-b",
    ],
  },
  { name: "different roots", a: ["api:GET 0..10"], b: ["web:GET 0..10"], lines: ["api:GET A 1×10 self 10 B 0×0 self 0 only-a", "web:GET A 0×0 self 0 B 1×10 self 10 only-b"] },
  { name: "an empty trace against one", a: [], b: ["api:GET 0..10"], lines: ["api:GET A 0×0 self 0 B 1×10 self 10 only-b"] },
];

describe("mergeTraces", () => {
  it.each(CASES)("$name", ({ a, b, laterB, lines }) => {
    expect(describeNodes(mergeTraces(outline("a", a), outline("b", b, laterB ? LATER : undefined)))).toEqual(lines);
  });

  it("links each node to its parent, its subtree and whether anything below changed", () => {
    const nodes = mergeTraces(outline("a", ORDER), outline("b", [...ORDER, "  cache:get 50..55"]));
    expect(nodes.map(({ parent, subtreeSize, changed }) => ({ parent, subtreeSize, changed }))).toEqual([
      { parent: null, subtreeSize: 5, changed: true },
      { parent: 0, subtreeSize: 1, changed: false },
      { parent: 0, subtreeSize: 2, changed: false },
      { parent: 2, subtreeSize: 1, changed: false },
      { parent: 0, subtreeSize: 1, changed: true },
    ]);
  });

  it("names the earliest span of each side to open, and a signed difference (B - A)", () => {
    // A's later query is listed first: the earliest (a3) is the one to open.
    const [root, query] = mergeTraces(outline("a", ["api:GET 0..100", "  db:q 30..40", "  db:q 10..20"]), outline("b", ["api:GET 0..130", "  db:q 5..45"]));
    expect(root).toMatchObject({ a: { firstSpanId: "00000000000000a1" }, b: { firstSpanId: "00000000000000b1" }, diffMs: 30, selfDiffMs: 10, state: "slower" });
    expect(query).toMatchObject({ a: { count: 2, firstSpanId: "00000000000000a3" }, b: { count: 1, firstSpanId: "00000000000000b2" }, diffMs: 20 });
  });

  it("counts a changed span count as a change even when the time is the same", () => {
    const a = outline("a", ["api:GET 0..100", "  db:q 0..20"]);
    const b = outline("b", ["api:GET 0..100", "  db:q 0..10", "  db:q 10..20"]);
    expect(mergeTraces(a, b).map(({ state, changed }) => ({ state, changed }))).toEqual([
      { state: "unchanged", changed: true },
      { state: "unchanged", changed: true },
    ]);
  });

  it("merges chains 20,000 deep without recursion", () => {
    const chain = (prefix: string) => Array.from({ length: 20_000 }, (_, i) => span(`${prefix}${i + 1}`, i === 0 ? null : `${prefix}${i}`, `svc:op${i % 7}`, i, 40_000 - i));
    const nodes = mergeTraces(chain("a"), chain("b"));
    expect(nodes).toHaveLength(20_000);
    expect(nodes[19_999].depth).toBe(19_999);
    expect(nodes[0]).toMatchObject({ subtreeSize: 20_000, changed: false, state: "unchanged" });
  });
});

describe("compareTraces", () => {
  // Both roots wait for their children; B's slow child took 80 ms more and its cache 15 ms less.
  const a = outline("a", ["api:GET 0..100", "  svc:slow 10..30", "  db:fast 40..60", "  cache:get 70..90"]);
  const comparison = compareTraces(a, outline("b", ["api:GET 0..180", "  svc:slow 10..110", "  db:fast 120..140", "  cache:get 150..155"]));

  it("ranks contributions by the change of self time, not of the total the ancestors inherit", () => {
    expect(comparison.contributions.map(({ serviceName, name, selfDiffMs }) => `${serviceName}:${name} ${selfDiffMs}`)).toEqual([
      "svc:slow 80",
      "api:GET 15",
      "cache:get -15",
    ]);
    expect(comparison.nodes[0].diffMs).toBe(80);
  });

  it("counts the nodes in each state", () => {
    expect(comparison.stateCounts).toEqual({ "only-a": 0, "only-b": 0, slower: 2, faster: 1, unchanged: 1 });
  });

  it("lists nothing when only noise changed", () => {
    const noisy = outline("b", ["api:GET 0..100.5", "  svc:slow 10..30.5", "  db:fast 40..60", "  cache:get 70..90"]);
    expect(compareTraces(a, noisy).contributions).toEqual([]);
  });
});
