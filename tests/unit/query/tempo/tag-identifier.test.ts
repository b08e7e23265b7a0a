import { describe, expect, it } from "vitest";
import { parseTagIdentifier } from "@/lib/query/tempo/tag-identifier";

/** v2 tag names are TraceQL identifiers (Tempo's traceql.ParseIdentifier). */
describe("parseTagIdentifier", () => {
  it.each([
    ["span.http.method", { kind: "attribute", scope: "span", key: "http.method" }],
    ["resource.service.name", { kind: "attribute", scope: "resource", key: "service.name" }],
    [".cache.hit", { kind: "attribute", scope: "any", key: "cache.hit" }],
    ['span."a b"', { kind: "attribute", scope: "span", key: "a b" }],
    ["name", { kind: "intrinsic", intrinsic: "name" }],
    ["span:status", { kind: "intrinsic", intrinsic: "status" }],
    ["trace:rootService", { kind: "intrinsic", intrinsic: "rootServiceName" }],
  ])("%s", (tag, field) => {
    expect(parseTagIdentifier(tag)).toEqual({ field });
  });

  it.each(["http.method", "", "name != nil } || { true", "span.a = 1", "event.name", "{ name"])("refuses %j", (tag) => {
    expect(parseTagIdentifier(tag)).toEqual({ error: expect.stringMatching(/^please provide a valid tagName/) });
  });
});
