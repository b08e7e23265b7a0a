import { describe, expect, it } from "vitest";
import { traceAttributeKeys } from "@/lib/trace-statistics/attribute-keys";
import { DEFAULT_GROUP_BY, formatGroupBy, parseGroupBy, type GroupBy } from "@/lib/trace-statistics/group-by";
import { fixtureTrace } from "./trace-fixture";

describe("group-by in the URL", () => {
  const ROUND_TRIPS: Array<[string, GroupBy]> = [
    ["service", { kind: "service" }],
    ["operation", { kind: "operation" }],
    ["service-operation", { kind: "service-operation" }],
    ["span.http.route", { kind: "attribute", scope: "span", key: "http.route" }],
    ["resource.k8s.pod.name", { kind: "attribute", scope: "resource", key: "k8s.pod.name" }],
    ["span.a key with spaces", { kind: "attribute", scope: "span", key: "a key with spaces" }],
  ];

  it.each(ROUND_TRIPS)("%s", (text, groupBy) => {
    expect(parseGroupBy(text)).toEqual(groupBy);
    expect(formatGroupBy(groupBy)).toBe(text);
  });

  it.each([null, "", "http.route", "span.", "tags"])("reads %o as the default", (text) => {
    expect(parseGroupBy(text)).toEqual(DEFAULT_GROUP_BY);
  });
});

describe("traceAttributeKeys", () => {
  it("lists span keys, then resource keys, alphabetically with their span counts, once per trace", () => {
    const trace = fixtureTrace([
      { id: "root", from: 0, to: 10, attributes: { "http.route": "/", b: 1 }, resource: { "host.name": "a" } },
      { id: "child", parent: "root", from: 1, to: 2, attributes: { b: 2 } },
    ]);
    const keys = traceAttributeKeys(trace);
    expect(keys).toEqual([
      { scope: "span", key: "b", spanCount: 2 },
      { scope: "span", key: "http.route", spanCount: 1 },
      { scope: "resource", key: "host.name", spanCount: 1 },
      { scope: "resource", key: "service.name", spanCount: 2 },
    ]);
    expect(traceAttributeKeys(trace)).toBe(keys);
  });
});
