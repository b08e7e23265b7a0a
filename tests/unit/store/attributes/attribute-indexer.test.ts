import { describe, expect, it } from "vitest";
import type { Attributes } from "@/lib/domain/span-record";
import { MAX_VALUES_PER_KEY_DAY, OVERFLOW_TYPE } from "@/lib/store/attributes/attribute-counts";
import type { IndexedSpan } from "@/lib/store/attributes/attribute-docs";
import { AttributeIndexer } from "@/lib/store/attributes/attribute-indexer";
import { linkTargetToken, presenceToken, valueToken } from "@/lib/store/attributes/attribute-tokens";

const HOUR = 3_600_000_000_000n;
const T0 = 1_795_885_200_000_000_000n; // a whole hour and day
const resource: Attributes = { "service.name": "shop", region: "eu" };

const span = (traceId: string, startTimeNs: bigint, attributes: Attributes, serviceName = "shop", resourceAttributes = resource): IndexedSpan => ({
  traceId,
  serviceName,
  startTimeNs,
  attributes,
  resourceAttributes,
  links: [],
});

describe("AttributeIndexer", () => {
  it("oneDocumentPerTrace_withEveryTokenOfItsSpansAndResource", () => {
    const { docs } = new AttributeIndexer().index([
      span("a", T0 + 5n, { "http.route": "/cart", code: 200 }),
      span("a", T0 + 1n, { colors: ["blue", "green"] }),
      span("b", T0, { flag: true }),
    ]);
    expect(docs.map((doc) => [doc.traceId, doc.startTimeNs, doc.lastStartNs])).toEqual([
      ["a", T0 + 1n, T0 + 5n],
      ["b", T0, T0],
    ]);
    const a = docs[0].tokens;
    for (const token of [
      valueToken("span", "http.route", '"/cart"'),
      valueToken("span", "code", "200"),
      presenceToken("span", "code"),
      valueToken("span", "colors", '["blue","green"]'),
      valueToken("span", "colors", '"green"'),
      valueToken("resource", "region", '"eu"'),
      presenceToken("resource", "service.name"),
    ]) {
      expect(a.has(token)).toBe(true);
    }
    expect(a.has(valueToken("resource", "code", "200"))).toBe(false);
    expect(a.has(valueToken("span", "flag", "true"))).toBe(false);
  });

  it("linkTargets_oneTokenEach_apartFromAttributeTokens", () => {
    const target = { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331" };
    const other = { traceId: target.traceId, spanId: "00f067aa0ba902b7" };
    const { docs } = new AttributeIndexer().index([
      { ...span("a", T0, {}), links: [target] },
      { ...span("a", T0 + 1n, {}), links: [target, other] },
      span("b", T0, { [target.traceId]: target.spanId }),
    ]);
    expect(docs[0].tokens.has(linkTargetToken(target.traceId, target.spanId))).toBe(true);
    expect(docs[0].tokens.has(linkTargetToken(other.traceId, other.spanId))).toBe(true);
    // An attribute spelling the same ids is another token, and a link's ids are not interchangeable.
    expect(docs[1].tokens.has(linkTargetToken(target.traceId, target.spanId))).toBe(false);
    expect(linkTargetToken(target.traceId, target.spanId)).not.toBe(linkTargetToken(target.spanId, target.traceId));
    expect(linkTargetToken(target.traceId, target.spanId)).not.toBe(linkTargetToken(other.traceId, other.spanId));
  });

  it("countsSpansPerHourServiceAndScope_andValuesPerDay", () => {
    const { keys, values } = new AttributeIndexer().index([
      span("a", T0, { code: 200 }),
      span("a", T0 + 1n, { code: 200 }),
      span("b", T0 + HOUR, { code: 500 }),
      span("c", T0, { code: 200 }, "api", { "service.name": "api" }),
    ]);
    const keyCounts = keys.map((row) => `${(row.hourStartNs - T0) / HOUR}h ${row.serviceName} ${row.scope} ${row.key}=${row.spanCount}`).sort();
    expect(keyCounts).toEqual([
      "0h api 0 code=1",
      "0h api 1 service.name=1",
      "0h shop 0 code=2",
      "0h shop 1 region=2",
      "0h shop 1 service.name=2",
      "1h shop 0 code=1",
      "1h shop 1 region=1",
      "1h shop 1 service.name=1",
    ]);
    const valueCounts = values.map((row) => `${row.scope} ${row.key}=${row.value}:${row.valueType} x${row.spanCount}`).sort();
    expect(valueCounts).toEqual([
      "0 code=200:int x3",
      "0 code=500:int x1",
      "1 region=eu:string x3",
      "1 service.name=api:string x1",
      "1 service.name=shop:string x3",
    ]);
  });

  it("typesTheListedValues_andMarksTheKeysOfBytesKvlistsAndLongTextIncomplete", () => {
    const { values } = new AttributeIndexer().index([
      span("a", T0, {
        big: { int: "9007199254740993" },
        ratio: { double: 0.5 },
        ok: false,
        raw: { bytes: "AAEC" },
        nested: { kvlist: { a: "b" } },
        long: "x".repeat(257),
        tags: ["a", 1],
      }),
    ]);
    expect(values.filter((row) => row.scope === 0).map((row) => [row.key, row.valueType, row.value])).toEqual([
      ["big", "int", "9007199254740993"],
      ["ratio", "double", "0.5"],
      ["ok", "bool", "false"],
      ["tags", "string", "a"],
      ["tags", "int", "1"],
      // Not listed, so the day's list of each of these keys says it is incomplete.
      ["raw", "overflow", ""],
      ["nested", "overflow", ""],
      ["long", "overflow", ""],
    ]);
  });

  it("pastTheDailyCap_aKeyGetsOneOverflowRow_inThisAndLaterWrites", () => {
    const indexer = new AttributeIndexer();
    const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => span(`t${from + index}`, T0, { "user.id": `u${from + index}` }));
    const first = indexer.index(ids(0, MAX_VALUES_PER_KEY_DAY + 3)).values.filter((row) => row.key === "user.id");
    expect(first.filter((row) => row.valueType === "string")).toHaveLength(MAX_VALUES_PER_KEY_DAY);
    expect(first.filter((row) => row.valueType === OVERFLOW_TYPE)).toEqual([expect.objectContaining({ value: "", spanCount: 3 })]);
    const later = indexer.index([...ids(0, 1), ...ids(5_000, 1)]).values.filter((row) => row.key === "user.id");
    expect(later.map((row) => [row.valueType, row.value])).toEqual([
      ["string", "u0"],
      [OVERFLOW_TYPE, ""],
    ]);
  });
});
