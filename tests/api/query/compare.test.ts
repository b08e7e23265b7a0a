import { beforeAll, expect, it } from "vitest";
import type { CompareTracesResult } from "@/lib/api/contracts/compare";
import type { SpanRecord } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { MS, spanRecord } from "./span-records";

const T0 = 1_796_100_000_000_000_000n;
const HOUR = 3_600_000n * MS;

type Shape = Array<{ n: number; parent?: number; service: string; name: string; from: number; ms: number }>;

function trace(traceId: string, start: bigint, shape: Shape): SpanRecord[] {
  return shape.map(({ n, parent, service, name, from, ms }) =>
    spanRecord({ traceId, spanId: spanIdOf(n), parentSpanId: parent === undefined ? null : spanIdOf(parent), serviceName: service, name, start: start + BigInt(from) * MS, durationMs: ms }),
  );
}

// A checkout; B an hour later: payment slower, a cache lookup added, the audit subtree gone.
const CHECKOUT: Shape = [
  { n: 1, service: "shop", name: "POST /checkout", from: 0, ms: 200 },
  { n: 2, parent: 1, service: "shop", name: "validate", from: 0, ms: 10 },
  { n: 3, parent: 1, service: "payments", name: "charge", from: 10, ms: 100 },
  { n: 4, parent: 1, service: "audit", name: "record", from: 120, ms: 30 },
  { n: 5, parent: 4, service: "audit", name: "INSERT", from: 125, ms: 20 },
];
const SLOWER: Shape = [
  { n: 1, service: "shop", name: "POST /checkout", from: 0, ms: 300 },
  { n: 2, parent: 1, service: "shop", name: "validate", from: 0, ms: 10 },
  { n: 3, parent: 1, service: "payments", name: "charge", from: 10, ms: 250 },
  { n: 6, parent: 1, service: "cache", name: "GET", from: 265, ms: 4 },
];

describeOnEachDatabase("trace comparison", ({ app }) => {
  const ids = { a: newTraceId(), b: newTraceId(), orphaned: newTraceId(), unknown: newTraceId() };

  beforeAll(async () => {
    // The same checkout again, whose audit span names a parent that never arrived: an orphan.
    const orphaned = trace(ids.orphaned, T0 + 2n * HOUR, CHECKOUT).map((span) => (span.spanId === spanIdOf(4) ? { ...span, parentSpanId: spanIdOf(9) } : span));
    await app.modules.getSpanStore().writeSpans([...trace(ids.a, T0, CHECKOUT), ...trace(ids.b, T0 + HOUR, SLOWER), ...orphaned]);
  });

  const compare = (a: string, b: string) => app.send(`/api/tracing/compare?a=${a}&b=${b}`);

  it("merges_both_trees_by_path_with_counts_durations_and_states", async () => {
    const answer = await compare(ids.a, ids.b);
    expect(answer.status, answer.body.toString()).toBe(200);
    const result = answer.json() as CompareTracesResult;
    expect(result.a).toMatchObject({ traceId: ids.a, spanCount: 5, durationMs: 200 });
    expect(result.b).toMatchObject({ traceId: ids.b, spanCount: 4, durationMs: 300 });
    expect(result.diffMs).toBe(100);
    expect(result.nodes.map((node) => [node.depth, `${node.serviceName}:${node.name}`, node.a.count, node.a.totalMs, node.b.count, node.b.totalMs, node.state])).toEqual([
      [0, "shop:POST /checkout", 1, 200, 1, 300, "slower"],
      [1, "shop:validate", 1, 10, 1, 10, "unchanged"],
      [1, "payments:charge", 1, 100, 1, 250, "slower"],
      [1, "audit:record", 1, 30, 0, 0, "only-a"],
      [2, "audit:INSERT", 1, 20, 0, 0, "only-a"],
      [1, "cache:GET", 0, 0, 1, 4, "only-b"],
    ]);
    expect(result.nodes[2]).toMatchObject({ parent: 0, a: { firstSpanId: spanIdOf(3) }, b: { firstSpanId: spanIdOf(3) }, diffMs: 150, selfDiffMs: 150 });
    expect(result.stateCounts).toEqual({ "only-a": 2, "only-b": 1, slower: 2, faster: 0, unchanged: 1 });
  });

  it("sums_up_where_the_difference_was_spent_by_self_time", async () => {
    const result = (await compare(ids.a, ids.b)).json() as CompareTracesResult;
    // Root self: A 200 - (10 + 100 + 30) = 60, B 300 - (10 + 250 + 4) = 36.
    expect(result.contributions.map(({ serviceName, name, selfDiffMs }) => [`${serviceName}:${name}`, selfDiffMs])).toEqual([
      ["payments:charge", 150],
      ["shop:POST /checkout", -24],
      ["audit:INSERT", -20],
      ["audit:record", -10],
      ["cache:GET", 4],
    ]);
  });

  it("compares_a_trace_with_itself_as_unchanged", async () => {
    const result = (await compare(ids.a, ids.a)).json() as CompareTracesResult;
    expect(new Set(result.nodes.map((node) => node.state))).toEqual(new Set(["unchanged"]));
    expect(result.nodes.every((node) => !node.changed)).toBe(true);
    expect(result.contributions).toEqual([]);
  });

  it("keeps_orphans_apart_at_the_top", async () => {
    const result = (await compare(ids.a, ids.orphaned)).json() as CompareTracesResult;
    expect(result.nodes.map((node) => [node.depth, `${node.serviceName}:${node.name}`, node.orphan, node.state])).toEqual([
      [0, "shop:POST /checkout", false, "unchanged"],
      [1, "shop:validate", false, "unchanged"],
      [1, "payments:charge", false, "unchanged"],
      [1, "audit:record", false, "only-a"],
      [2, "audit:INSERT", false, "only-a"],
      [0, "audit:record", true, "only-b"],
      [1, "audit:INSERT", false, "only-b"],
    ]);
  });

  it("accepts_upper_case_ids", async () => {
    expect((await compare(ids.a.toUpperCase(), ids.b)).status).toBe(200);
  });

  it.each([
    ["malformedA", "a=xyz&b=", ["a", "b"]],
    ["shortB", `a=${"ab".repeat(16)}&b=${"ab".repeat(8)}`, ["b"]],
    ["missingB", `a=${"ab".repeat(16)}`, ["b"]],
  ])("refuses_%s_with_400", async (_name, query, paths) => {
    const answer = await app.send(`/api/tracing/compare?${query}`);
    expect(answer.status).toBe(400);
    const details = (answer.json() as { error: { details: Array<{ path: string }> } }).error.details;
    expect(details.map((detail) => detail.path).sort()).toEqual(paths);
  });

  it.each([
    ["b", () => [ids.a, ids.unknown], [{ role: "b", traceId: ids.unknown }]],
    ["a", () => [ids.unknown, ids.b], [{ role: "a", traceId: ids.unknown }]],
    ["both", () => [ids.unknown, ids.unknown], [{ role: "a", traceId: ids.unknown }, { role: "b", traceId: ids.unknown }]],
  ])("answers_404_naming_the_missing_trace_%s", async (_name, pair, missing) => {
    const [a, b] = pair();
    const answer = await compare(a, b);
    expect(answer.status).toBe(404);
    const { error } = answer.json() as { error: { code: string; message: string; details: unknown } };
    expect(error.code).toBe("not_found");
    expect(error.details).toEqual(missing);
    for (const { role, traceId } of missing as Array<{ role: string; traceId: string }>) expect(error.message).toContain(`${traceId} (${role})`);
  });
});
