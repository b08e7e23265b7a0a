import { describe, expect, it } from "vitest";
import { type Carrier, deleteHeader, getHeaderValues, type HeaderRecord, setHeader } from "@/lib/trace-context/carrier";

describe("getHeaderValues", () => {
  it.each<[string, Carrier, string, string[]]>([
    ["headers_single", new Headers({ traceparent: "a" }), "traceparent", ["a"]],
    ["headers_caseInsensitiveName", new Headers({ TraceParent: "a" }), "TRACEPARENT", ["a"]],
    ["headers_appendedValuesAreJoined", new Headers([["tracestate", "a=1"], ["tracestate", "b=2"]]), "tracestate", ["a=1, b=2"]],
    ["headers_missing", new Headers(), "traceparent", []],
    ["record_lowercaseKey", { traceparent: "a" }, "traceparent", ["a"]],
    ["record_mixedCaseKey", { TraceParent: "a" }, "traceparent", ["a"]],
    ["record_mixedCaseName", { traceparent: "a" }, "TraceParent", ["a"]],
    ["record_arrayValue", { tracestate: ["a=1", "b=2"] }, "tracestate", ["a=1", "b=2"]],
    ["record_severalCasingsInKeyOrder", { Tracestate: "a=1", tracestate: ["b=2", "c=3"], TRACESTATE: "d=4" }, "tracestate", ["a=1", "b=2", "c=3", "d=4"]],
    ["record_numberValueStringified", { "content-length": 42 }, "Content-Length", ["42"]],
    ["record_undefinedValueSkipped", { traceparent: undefined }, "traceparent", []],
    ["record_emptyArray", { traceparent: [] }, "traceparent", []],
    ["record_otherHeadersIgnored", { "x-traceparent": "a", traceparentx: "b" }, "traceparent", []],
    ["record_empty", {}, "traceparent", []],
  ])("%s", (_name, carrier, name, expected) => {
    expect(getHeaderValues(carrier, name)).toEqual(expected);
  });
});

describe("setHeader", () => {
  it.each<[string, HeaderRecord]>([
    ["record_absent", { other: "x" }],
    ["record_sameCasing", { other: "x", traceparent: "old" }],
    ["record_otherCasing", { other: "x", TraceParent: "old" }],
    ["record_everyCasingReplaced", { other: "x", traceparent: "old1", TRACEPARENT: ["old2", "old3"], Traceparent: "old4" }],
  ])("%s", (_name, record) => {
    setHeader(record, "traceparent", "new");
    expect(record).toEqual({ other: "x", traceparent: "new" });
  });

  it.each([
    ["headers_absent", new Headers({ other: "x" })],
    ["headers_appendedValuesReplaced", new Headers([["other", "x"], ["traceparent", "old1"], ["TraceParent", "old2"]])],
  ])("%s", (_name, headers) => {
    setHeader(headers, "traceparent", "new");
    expect([...headers]).toEqual([["other", "x"], ["traceparent", "new"]]);
  });
});

describe("deleteHeader", () => {
  it.each<[string, HeaderRecord]>([
    ["record_absent", { other: "x" }],
    ["record_oneCasing", { other: "x", tracestate: "a=1" }],
    ["record_everyCasing", { other: "x", tracestate: "a=1", TraceState: ["b=2"], TRACESTATE: "c=3" }],
  ])("%s", (_name, record) => {
    deleteHeader(record, "TraceState");
    expect(record).toEqual({ other: "x" });
  });

  it.each([
    ["headers_absent", new Headers({ other: "x" })],
    ["headers_appendedValues", new Headers([["other", "x"], ["tracestate", "a=1"], ["TRACESTATE", "b=2"]])],
  ])("%s", (_name, headers) => {
    deleteHeader(headers, "TraceState");
    expect([...headers]).toEqual([["other", "x"]]);
  });
});
