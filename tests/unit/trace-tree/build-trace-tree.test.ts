import { describe, expect, it } from "vitest";
import { buildTraceTree, type TreeSpan } from "@/lib/trace-tree";

type Span = TreeSpan & { label: string };

const span = (label: string, parent: string | null, start: number, spanId = label): Span => ({
  label,
  spanId,
  parentSpanId: parent,
  startTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(start)),
});

/** Each row as `label@depth`, with `!` for an orphan and `/n` for its child count. */
function shape(spans: Span[]): string[] {
  return buildTraceTree(spans).rows.map((row) => `${row.span.label}@${row.depth}${row.orphan ? "!" : ""}/${row.childCount}`);
}

describe("buildTraceTree", () => {
  it.each<[string, Span[], string[]]>([
    ["empty", [], []],
    ["single_root", [span("a", null, 0)], ["a@0/0"]],
    [
      "depth_first_children_by_start_not_input_order",
      [span("c2", "b", 30), span("a", null, 0), span("b2", "a", 20), span("b", "a", 10), span("c1", "b", 15)],
      ["a@0/2", "b@1/2", "c1@2/0", "c2@2/0", "b2@1/0"],
    ],
    ["equal_starts_order_by_span_id", [span("r", null, 0), span("y", "r", 5), span("x", "r", 5)], ["r@0/2", "x@1/0", "y@1/0"]],
    [
      "orphans_beside_the_roots_by_start",
      [span("root", null, 10), span("lost", "gone", 5), span("kid", "lost", 6), span("late", "gone", 20)],
      ["lost@0!/1", "kid@1/0", "root@0/0", "late@0!/0"],
    ],
    ["two_roots", [span("b", null, 2), span("a", null, 1)], ["a@0/0", "b@0/0"]],
    ["parent_loop_is_cut_at_its_earliest_span", [span("p", "q", 5), span("q", "p", 3), span("r", null, 0)], ["r@0/0", "q@0!/1", "p@1/0"]],
    ["span_naming_itself_as_parent", [span("s", "s", 0)], ["s@0!/0"]],
    [
      "shared_span_id_nests_and_takes_the_children",
      [span("client", "root", 10, "shared"), span("server", "root", 12, "shared"), span("root", null, 0), span("db", "shared", 13)],
      ["root@0/1", "client@1/1", "server@2/1", "db@3/0"],
    ],
    [
      "shared_span_id_nests_by_start_whatever_the_input_order",
      [span("db", "shared", 13), span("server", "root", 12, "shared"), span("root", null, 0), span("client", "root", 10, "shared")],
      ["root@0/1", "client@1/1", "server@2/1", "db@3/0"],
    ],
    [
      "three_spans_sharing_an_id_chain_and_the_last_takes_the_children",
      [span("third", "root", 14, "shared"), span("kid", "shared", 15), span("first", "root", 10, "shared"), span("root", null, 0), span("second", "root", 12, "shared")],
      ["root@0/1", "first@1/1", "second@2/1", "third@3/1", "kid@4/0"],
    ],
  ])("%s", (_name, spans, expected) => {
    expect(shape(spans)).toEqual(expected);
  });

  it("reports_the_number_of_levels", () => {
    expect(buildTraceTree([span("a", null, 0), span("b", "a", 1), span("c", "b", 2), span("d", "a", 3)]).depth).toBe(3);
    expect(buildTraceTree([]).depth).toBe(0);
  });

  it("accepts_bigint_starts_and_keeps_extra_fields", () => {
    const rows = buildTraceTree([
      { spanId: "b", parentSpanId: "a", startTimeUnixNano: 2n, extra: 1 },
      { spanId: "a", parentSpanId: null, startTimeUnixNano: 1n, extra: 2 },
    ]).rows;
    expect(rows.map((row) => [row.span.spanId, row.span.extra, row.depth])).toEqual([
      ["a", 2, 0],
      ["b", 1, 1],
    ]);
  });

  it("orders_nanosecond_starts_exactly_beyond_float_precision", () => {
    const rows = buildTraceTree([
      { spanId: "late", parentSpanId: null, startTimeUnixNano: "1700000000000000001" },
      { spanId: "early", parentSpanId: null, startTimeUnixNano: "1700000000000000000" },
    ]).rows;
    expect(rows.map((row) => row.span.spanId)).toEqual(["early", "late"]);
  });

  it("a_100000_deep_chain_does_not_overflow_the_stack", () => {
    const depth = 100_000;
    const spans = Array.from({ length: depth }, (_, i) => span(`s${i}`, i === 0 ? null : `s${i - 1}`, i));
    const tree = buildTraceTree(spans.reverse());
    expect(tree.depth).toBe(depth);
    expect(tree.rows[0].span.label).toBe("s0");
    expect(tree.rows[depth - 1]).toMatchObject({ depth: depth - 1, childCount: 0, orphan: false });
    expect(tree.rows.every((row, i) => row.depth === i)).toBe(true);
  });

  it("a_100000_span_parent_loop_terminates_with_every_span_once", () => {
    const size = 100_000;
    const spans = Array.from({ length: size }, (_, i) => span(`s${i}`, `s${(i + 1) % size}`, i));
    const rows = buildTraceTree(spans).rows;
    expect(rows).toHaveLength(size);
    expect(new Set(rows.map((row) => row.span.label)).size).toBe(size);
    expect(rows[0]).toMatchObject({ depth: 0, orphan: true });
    expect(rows.filter((row) => row.orphan)).toHaveLength(1);
  });
});
