import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { resourceAttributesJson, ResourceIds, resourceKey, resourceRow, type FoundResourceIds } from "@/lib/store/span-resources";

describe("resource keys", () => {
  it("keyOfAResourceAndScope_givesBackItsRowFields", () => {
    const key = resourceKey({ resourceAttributes: { "service.name": "api", note: "line one\nline two" }, scopeName: "http", scopeVersion: null });
    const row = resourceRow(key);
    expect(JSON.parse(row.attributesJson)).toEqual({ "service.name": "api", note: "line one\nline two" });
    expect(row).toMatchObject({ scopeName: "http", scopeVersion: null });
    expect(row.digest).toBe(createHash("sha256").update(key).digest("hex"));
    expect(resourceAttributesJson(key)).toBe(row.attributesJson);
  });

  it("sameAttributesOtherScope_otherKey", () => {
    const resourceAttributes = { "service.name": "api" };
    const keys = [
      resourceKey({ resourceAttributes, scopeName: "http", scopeVersion: "1" }),
      resourceKey({ resourceAttributes, scopeName: "http", scopeVersion: "2" }),
      resourceKey({ resourceAttributes, scopeName: null, scopeVersion: null }),
      resourceKey({ resourceAttributes, scopeName: "", scopeVersion: null }),
    ];
    expect(new Set(keys).size).toBe(4);
    expect(new Set(keys.map((key) => resourceRow(key).digest)).size).toBe(4);
  });

  it("equalAttributesInOtherObjects_sameKey", () => {
    const key = (version: string) => resourceKey({ resourceAttributes: { "service.name": "api", "service.version": version }, scopeName: "s", scopeVersion: "1" });
    expect(key("1.0")).toBe(key("1.0"));
    expect(key("1.0")).not.toBe(key("1.1"));
  });
});

describe("ResourceIds", () => {
  it("idsOfATransaction_usedByItAndRememberedOnlyAfterCommit", () => {
    const ids = new ResourceIds();
    const found: FoundResourceIds = new Map([["k", 7]]);
    expect(ids.get("k", found)).toBe(7);
    expect(ids.get("k", new Map())).toBeUndefined();
    ids.remember(found);
    expect(ids.get("k", new Map())).toBe(7);
  });
});
