import { describe, expect, it } from "vitest";
import type { GroupBy } from "@/lib/trace-statistics/group-by";
import { groupStatistics, type StatisticsGroup } from "@/lib/trace-statistics/group-statistics";
import { spanMeasures } from "@/lib/trace-statistics/span-measures";
import { CHECKOUT, fixtureTrace } from "./trace-fixture";

/** The figures of a group that a person reads, without its rows and sub-groups. */
function figures(group: StatisticsGroup) {
  const { label, count, totalMs, selfMs, avgMs, minMs, maxMs, criticalMs, totalShare, selfShare, criticalShare, totalOnCriticalPath } = group;
  return { label, count, totalMs, selfMs, avgMs, minMs, maxMs, criticalMs, totalShare, selfShare, criticalShare, totalOnCriticalPath };
}

const checkout = fixtureTrace(CHECKOUT);

describe("groupStatistics on the checkout (120ms, every span on the critical path)", () => {
  it("groups by service: cart and payments have two spans each", () => {
    const groups = groupStatistics(checkout, { kind: "service" });
    expect(groups.map(figures)).toEqual([
      { label: "frontend", count: 1, totalMs: 120, selfMs: 14, avgMs: 120, minMs: 120, maxMs: 120, criticalMs: 14, totalShare: 1, selfShare: 14 / 120, criticalShare: 14 / 120, totalOnCriticalPath: 14 / 120 },
      { label: "auth", count: 1, totalMs: 15, selfMs: 15, avgMs: 15, minMs: 15, maxMs: 15, criticalMs: 15, totalShare: 15 / 120, selfShare: 15 / 120, criticalShare: 15 / 120, totalOnCriticalPath: 1 },
      { label: "cart", count: 2, totalMs: 68, selfMs: 38, avgMs: 34, minMs: 30, maxMs: 38, criticalMs: 38, totalShare: 68 / 120, selfShare: 38 / 120, criticalShare: 38 / 120, totalOnCriticalPath: 38 / 68 },
      { label: "payments", count: 2, totalMs: 63, selfMs: 19, avgMs: 31.5, minMs: 10, maxMs: 53, criticalMs: 19, totalShare: 63 / 120, selfShare: 19 / 120, criticalShare: 19 / 120, totalOnCriticalPath: 19 / 63 },
      { label: "gateway", count: 1, totalMs: 34, selfMs: 34, avgMs: 34, minMs: 34, maxMs: 34, criticalMs: 34, totalShare: 34 / 120, selfShare: 34 / 120, criticalShare: 34 / 120, totalOnCriticalPath: 1 },
    ]);
    expect(groups[2].rows).toEqual([2, 3]);
    expect(groups.every((group) => group.operations === undefined)).toBe(true);
  });

  it("groups by service and operation: each service holds its operations", () => {
    const cart = groupStatistics(checkout, { kind: "service-operation" }).find((group) => group.label === "cart")!;
    expect(figures(cart)).toMatchObject({ count: 2, totalMs: 68, selfMs: 38 });
    expect(cart.operations!.map((operation) => [operation.service, operation.operation, operation.count, operation.totalMs, operation.selfMs])).toEqual([
      ["cart", "load cart", 1, 38, 8],
      ["cart", "SELECT cart_items", 1, 30, 30],
    ]);
  });

  it("groups by operation: one name in two services is two operations", () => {
    const trace = fixtureTrace([
      { id: "root", service: "api", name: "handle", from: 0, to: 100 },
      { id: "a", parent: "root", service: "api", name: "GET", from: 0, to: 10 },
      { id: "b", parent: "root", service: "web", name: "GET", from: 10, to: 30 },
      { id: "c", parent: "root", service: "api", name: "GET", from: 30, to: 60 },
    ]);
    const groups = groupStatistics(trace, { kind: "operation" });
    expect(groups.map((group) => [group.service, group.label, group.count, group.totalMs, group.minMs, group.maxMs, group.avgMs])).toEqual([
      ["api", "handle", 1, 100, 100, 100, 100],
      ["api", "GET", 2, 40, 10, 30, 20],
      ["web", "GET", 1, 20, 20, 20, 20],
    ]);
  });
});

describe("critical-path time per group", () => {
  // root 0-100 (api) with db 10-60 and cache 20-90 overlapping. Back from the end: root 90-100,
  // cache 20-90 (it finished last), then back at 20 nothing had finished: root 0-20. db is off the path.
  // root's self time (20) differs from its critical time (30): 10-20 is covered by db, which the end did not wait for.
  const trace = fixtureTrace([
    { id: "root", service: "api", from: 0, to: 100 },
    { id: "db", parent: "root", service: "db", from: 10, to: 60 },
    { id: "cache", parent: "root", service: "cache", from: 20, to: 90 },
  ]);

  it("sums each span's stretches of the path, as shares of the whole path", () => {
    const groups = groupStatistics(trace, { kind: "service" });
    expect(groups.map((group) => [group.label, group.selfMs, group.criticalMs, group.criticalShare, group.totalOnCriticalPath])).toEqual([
      ["api", 20, 30, 0.3, 0.3],
      ["db", 50, 0, 0, 0],
      ["cache", 70, 70, 0.7, 1],
    ]);
  });

  it("is computed once per trace", () => {
    expect(spanMeasures(trace)).toBe(spanMeasures(trace));
    expect(spanMeasures(trace).criticalPathMs).toBe(100);
  });
});

describe("grouping by an attribute key", () => {
  const trace = fixtureTrace([
    { id: "root", from: 0, to: 100, attributes: { "http.status_code": 200 }, resource: { "host.name": "a" } },
    { id: "text", parent: "root", from: 10, to: 20, attributes: { "http.status_code": "200" }, resource: { "host.name": "b" } },
    { id: "none", parent: "root", from: 20, to: 50, resource: { "host.name": "a" } },
    { id: "again", parent: "root", from: 50, to: 60, attributes: { "http.status_code": 200 } },
  ]);
  const table = (groupBy: GroupBy) => groupStatistics(trace, groupBy).map((group) => [group.label, group.count, group.totalMs, group.selfMs]);

  it("keeps values of different types apart and puts spans without the key in their own group", () => {
    expect(table({ kind: "attribute", scope: "span", key: "http.status_code" })).toEqual([
      ["200", 2, 110, 60],
      ["200", 1, 10, 10],
      ["(no span.http.status_code)", 1, 30, 30],
    ]);
  });

  it("reads resource attributes for a resource key", () => {
    expect(table({ kind: "attribute", scope: "resource", key: "host.name" })).toEqual([
      ["a", 2, 130, 80],
      ["b", 1, 10, 10],
      ["(no resource.host.name)", 1, 10, 10],
    ]);
  });
});

describe("edge cases", () => {
  it("a trace of one zero-length span has no shares to give", () => {
    const [group] = groupStatistics(fixtureTrace([{ id: "only", service: "api", from: 5, to: 5 }]), { kind: "service" });
    expect(figures(group)).toEqual({
      label: "api", count: 1, totalMs: 0, selfMs: 0, avgMs: 0, minMs: 0, maxMs: 0, criticalMs: 0, totalShare: null, selfShare: null, criticalShare: null,
      totalOnCriticalPath: null,
    });
  });

  it("an orphan's subtree is counted, though the critical path runs from the first root only", () => {
    const trace = fixtureTrace([
      { id: "root", service: "api", from: 0, to: 40 },
      { id: "orphan", parent: "lost", service: "worker", from: 50, to: 100 },
      { id: "child", parent: "orphan", service: "worker", from: 60, to: 70 },
    ]);
    const groups = groupStatistics(trace, { kind: "service" });
    expect(groups.map((group) => [group.label, group.count, group.totalMs, group.selfMs, group.criticalMs, group.totalShare])).toEqual([
      ["api", 1, 40, 40, 40, 0.4],
      ["worker", 2, 60, 50, 0, 0.6],
    ]);
  });

  it("an empty trace has no groups", () => {
    expect(groupStatistics(fixtureTrace([]), { kind: "service-operation" })).toEqual([]);
  });
});
