import { describe, expect, it } from "vitest";
import type { GroupBy } from "@/lib/trace-statistics/group-by";
import { groupFindQuery } from "@/lib/trace-statistics/group-find-query";
import { groupStatistics } from "@/lib/trace-statistics/group-statistics";
import { findSpansByTraceQL } from "@/lib/waterfall/find-traceql";
import { fixtureTrace } from "./trace-fixture";

const trace = fixtureTrace([
  { id: "root", service: "api", name: "GET /", from: 0, to: 100, attributes: { code: 200, ok: true }, resource: { "host.name": "a" } },
  { id: "b", parent: "root", service: "api", name: 'say "hi"', from: 0, to: 10, attributes: { code: "200", ratio: { double: 0.5 } } },
  { id: "c", parent: "root", service: "db", name: "GET /", from: 10, to: 20, attributes: { tags: ["x", "y"] }, resource: { "host.name": "b" } },
  { id: "d", parent: "c", service: "db", name: "query", from: 12, to: 18, attributes: { ok: false, ratio: { double: 2 } } },
]);

const GROUP_BYS: GroupBy[] = [
  { kind: "service" },
  { kind: "operation" },
  { kind: "service-operation" },
  { kind: "attribute", scope: "span", key: "code" },
  { kind: "attribute", scope: "span", key: "ok" },
  { kind: "attribute", scope: "span", key: "ratio" },
  { kind: "attribute", scope: "resource", key: "host.name" },
];

describe("groupFindQuery", () => {
  it.each(GROUP_BYS)("finds exactly each group's spans when grouped by %o", (groupBy) => {
    for (const group of groupStatistics(trace, groupBy).flatMap((group) => [group, ...(group.operations ?? [])])) {
      const query = groupFindQuery(groupBy, group)!;
      expect(findSpansByTraceQL(trace.spans, query), query).toEqual({ rows: new Set(group.rows), error: null });
    }
  });

  it("writes the service and the span name, quoted", () => {
    const [, quoted] = groupStatistics(trace, { kind: "operation" });
    expect(groupFindQuery({ kind: "operation" }, quoted)).toBe('{ resource.service.name = "api" && name = "say \\"hi\\"" }');
    const [api] = groupStatistics(trace, { kind: "service" });
    expect(groupFindQuery({ kind: "service" }, api)).toBe('{ resource.service.name = "api" }');
  });

  it("keeps the value's type and asks for the key's absence for spans without it", () => {
    const groupBy: GroupBy = { kind: "attribute", scope: "span", key: "code" };
    expect(groupStatistics(trace, groupBy).map((group) => groupFindQuery(groupBy, group))).toEqual([
      "{ span.code = 200 }",
      '{ span.code = "200" }',
      "{ span.code = nil }",
    ]);
  });

  it("gives nothing for a value equality cannot pin down (an array)", () => {
    const groupBy: GroupBy = { kind: "attribute", scope: "span", key: "tags" };
    const [, array] = groupStatistics(trace, groupBy);
    expect(array.label).toBe("[x, y]");
    expect(groupFindQuery(groupBy, array)).toBeNull();
  });
});
