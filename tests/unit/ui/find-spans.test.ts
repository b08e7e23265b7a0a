import { describe, expect, it } from "vitest";
import type { AttributeValue } from "@/lib/domain/span-record";
import { attributeType } from "@/lib/waterfall/attribute-type";
import { attributeText, findSpans } from "@/lib/waterfall/find-spans";
import type { WaterfallSpan } from "@/lib/waterfall/waterfall-trace";

function span(name: string, service: string, attributes: WaterfallSpan["attributes"] = {}, statusMessage: string | null = null): WaterfallSpan {
  return {
    spanId: `${name}-id`.padEnd(16, "0"),
    parentSpanId: null,
    name,
    service,
    kind: "internal",
    status: statusMessage ? "error" : "unset",
    statusMessage,
    startTimeUnixNano: "0",
    startMs: 0,
    durationMs: 1,
    attributes,
    resourceAttributes: {},
    events: [],
    links: [],
    traceState: null,
    scope: null,
    orphan: false,
  };
}

const SPANS = [
  span("GET /checkout", "frontend", { "http.status_code": 200 }),
  span("SELECT orders", "db", { "db.statement": "SELECT * FROM orders" }),
  span("charge", "payments", { "payment.amount": { double: 12.5 } }, "card declined"),
];

describe("findSpans", () => {
  it.each([
    { name: "span name, any case", query: "checkout", rows: [0] },
    { name: "service", query: "PAYMENTS", rows: [2] },
    { name: "attribute value", query: "from orders", rows: [1] },
    { name: "attribute key=value", query: "http.status_code=200", rows: [0] },
    { name: "double attribute", query: "12.5", rows: [2] },
    { name: "status message", query: "declined", rows: [2] },
    { name: "every word must match", query: "select db", rows: [1] },
    { name: "words matching different spans match none", query: "checkout payments", rows: [] },
    { name: "blank matches nothing", query: "   ", rows: [] },
  ])("$name", ({ query, rows }) => {
    expect([...findSpans(SPANS, query)]).toEqual(rows);
  });
});

describe("attribute values", () => {
  it.each<{ name: string; value: AttributeValue; type: string; text: string }>([
    { name: "string", value: "<b>hi</b>", type: "string", text: "<b>hi</b>" },
    { name: "bool", value: true, type: "bool", text: "true" },
    { name: "safe int", value: 42, type: "int", text: "42" },
    { name: "big int", value: { int: "9223372036854775807" }, type: "int", text: "9223372036854775807" },
    { name: "double", value: { double: 200 }, type: "double", text: "200" },
    { name: "non-finite double", value: { double: "NaN" }, type: "double", text: "NaN" },
    { name: "bytes", value: { bytes: "AQID" }, type: "bytes", text: "AQID" },
    { name: "array", value: ["a", 1, false], type: "array", text: "[a, 1, false]" },
    { name: "map", value: { kvlist: { a: "x", b: { kvlist: { c: 1 } } } }, type: "map", text: "{a: x, b: {c: 1}}" },
  ])("$name", ({ value, type, text }) => {
    expect(attributeType(value)).toBe(type);
    expect(attributeText(value)).toBe(text);
  });
});
