import { describe, expect, it } from "vitest";
import { IngestFormatError } from "@/lib/collector/normalize/ingest-format-error";
import { normalizeZipkinSpans } from "@/lib/collector/normalize/zipkin";
import { SpanKind, StatusCode, UNKNOWN_SERVICE } from "@/lib/domain/span-record";
import sharedRpc from "@/tests/fixtures/collector/zipkin-shared-rpc.json";

const TRACE_ID = "0000000000000000" + "86154a4ba6e91385";

function zipkinSpan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    traceId: "86154a4ba6e91385",
    id: "4d1e00c0db9010db",
    name: "get",
    timestamp: 1735787045123456,
    duration: 1000,
    ...overrides,
  };
}

function onlySpan(overrides: Record<string, unknown>) {
  const batch = normalizeZipkinSpans([zipkinSpan(overrides)]);
  expect(batch.errors).toEqual([]);
  return batch.spans[0];
}

describe("normalizeZipkinSpans: a client/server RPC sharing one span id", () => {
  const [client, server, root] = normalizeZipkinSpans(sharedRpc).spans;

  it("keeps both halves, told apart by kind", () => {
    expect([client, server].map((span) => [span.traceId, span.spanId, span.kind])).toEqual([
      [TRACE_ID, "4d1e00c0db9010db", SpanKind.CLIENT],
      [TRACE_ID, "4d1e00c0db9010db", SpanKind.SERVER],
    ]);
    expect(server.attributes["zipkin.shared"]).toBe(true);
    expect(client.attributes["zipkin.shared"]).toBeUndefined();
  });

  it("links both halves to the root, and reads a span whose parentId is its own id as a root", () => {
    expect([client.parentSpanId, server.parentSpanId, root.parentSpanId]).toEqual([
      "86154a4ba6e91385",
      "86154a4ba6e91385",
      null,
    ]);
  });

  it("converts microseconds to exact nanoseconds", () => {
    expect(client).toMatchObject({ startTimeNs: 1735787045123456000n, endTimeNs: 1735787045138457000n });
    expect(client.events).toEqual([
      { name: "ws", timeNs: "1735787045123500000", attributes: {} },
      { name: "wr", timeNs: "1735787045138400000", attributes: {} },
    ]);
  });

  it("takes the service from localEndpoint and endpoints as network attributes", () => {
    expect(client).toMatchObject({
      serviceName: "frontend",
      resourceAttributes: { "service.name": "frontend" },
      attributes: {
        "network.local.address": "192.168.99.1",
        "network.peer.address": "172.19.0.3",
        "network.peer.port": 9000,
        "peer.service": "backend",
        "http.method": "GET",
        "http.path": "/api",
      },
    });
    expect(server.attributes).toMatchObject({
      "network.local.address": "2001:db8::c001",
      "network.local.port": 9000,
      "network.peer.port": 58648,
    });
  });

  it("turns the error tag into an error status with its message", () => {
    expect(server).toMatchObject({ statusCode: StatusCode.ERROR, statusMessage: "Connection reset" });
    expect(server.attributes.error).toBeUndefined();
    expect(client.statusCode).toBe(StatusCode.UNSET);
  });

  it("keeps the debug flag as an attribute", () => {
    expect(root.attributes).toEqual({ "zipkin.debug": true });
  });
});

describe("normalizeZipkinSpans: ids", () => {
  it.each([
    ["64-bit trace id, left-padded", "86154a4ba6e91385", TRACE_ID],
    ["128-bit trace id", "463ac35c9f6413ad48485a3953bb6124", "463ac35c9f6413ad48485a3953bb6124"],
    ["upper case", "463AC35C9F6413AD48485A3953BB6124", "463ac35c9f6413ad48485a3953bb6124"],
    ["short trace id, as Zipkin pads it", "1", "00000000000000000000000000000001"],
  ])("%s", (_name, traceId, expected) => {
    expect(onlySpan({ traceId }).traceId).toBe(expected);
  });

  it.each([
    ["all zeros", "0000000000000000", null],
    ["absent", undefined, null],
    ["null", null, null],
    ["short", "abc", "0000000000000abc"],
  ])("parentId %s", (_name, parentId, expected) => {
    expect(onlySpan({ parentId }).parentSpanId).toBe(expected);
  });
});

describe("normalizeZipkinSpans: kind, status and special tags", () => {
  it.each([
    ["CLIENT", { kind: "CLIENT" }, SpanKind.CLIENT],
    ["SERVER", { kind: "SERVER" }, SpanKind.SERVER],
    ["PRODUCER", { kind: "PRODUCER" }, SpanKind.PRODUCER],
    ["CONSUMER", { kind: "CONSUMER" }, SpanKind.CONSUMER],
    ["absent", {}, SpanKind.UNSPECIFIED],
    ["absent with span.kind=internal", { tags: { "span.kind": "internal" } }, SpanKind.INTERNAL],
  ])("kind %s", (_name, overrides, expected) => {
    const span = onlySpan(overrides);
    expect(span.kind).toBe(expected);
    expect(span.attributes["span.kind"]).toBeUndefined();
  });

  it.each([
    ["no tags", {}, StatusCode.UNSET, null],
    ["error with a message", { error: "boom" }, StatusCode.ERROR, "boom"],
    ["error=true", { error: "true" }, StatusCode.ERROR, null],
    ["error empty", { error: "" }, StatusCode.ERROR, null],
    [
      "OpenTelemetry exporter error",
      { "otel.status_code": "ERROR", error: "payment declined" },
      StatusCode.ERROR,
      "payment declined",
    ],
    ["otel.status_code OK", { "otel.status_code": "OK" }, StatusCode.OK, null],
    [
      "collector-style status names",
      { "otel.status_code": "STATUS_CODE_ERROR", "otel.status_description": "bad" },
      StatusCode.ERROR,
      "bad",
    ],
  ])("status from %s", (_name, tags, code, message) => {
    const span = onlySpan({ tags });
    expect(span).toMatchObject({ statusCode: code, statusMessage: message, attributes: {} });
  });

  it("reads tracestate and scope tags into their fields", () => {
    const span = onlySpan({
      tags: { "w3c.tracestate": "rojo=1", "otel.scope.name": "lib", "otel.scope.version": "1.0", keep: "me" },
    });
    expect(span).toMatchObject({
      traceState: "rojo=1",
      scopeName: "lib",
      scopeVersion: "1.0",
      attributes: { keep: "me" },
    });
  });

  it("keeps number and boolean tags from lenient clients as their text", () => {
    expect(onlySpan({ tags: { "http.status_code": 200, cached: false } }).attributes).toEqual({
      "http.status_code": "200",
      cached: "false",
    });
  });

  it.each([
    ["absent", undefined],
    ["empty", ""],
  ])("names a span whose name is %s 'unknown', as Zipkin does", (_name, name) => {
    expect(onlySpan({ name }).name).toBe("unknown");
  });

  it("uses unknown_service without a localEndpoint service name, and a zero duration when absent", () => {
    expect(onlySpan({ duration: undefined })).toMatchObject({
      serviceName: UNKNOWN_SERVICE,
      resourceAttributes: {},
      endTimeNs: 1735787045123456000n,
    });
  });
});

describe("normalizeZipkinSpans: a span that cannot be stored is rejected alone", () => {
  it.each([
    ["invalidTraceId", { traceId: "xyz" }, "traceId: expected 1 to 32 hex digits"],
    ["invalidTraceId_tooLong", { traceId: "1".repeat(33) }, "traceId: expected 1 to 32 hex digits"],
    ["invalidTraceId_allZeros", { traceId: "0".repeat(16) }, "traceId: all zeros is not a valid id"],
    ["invalidSpanId_allZeros", { id: "0" }, "id: all zeros is not a valid id"],
    ["invalidParentId", { parentId: "1".repeat(17) }, "parentId: expected 1 to 16 hex digits"],
    ["missingTimestamp", { timestamp: undefined }, "timestamp: Invalid input: expected number, received undefined"],
    ["fractionalTimestamp", { timestamp: 1.5 }, "timestamp: Invalid input: expected int, received number"],
    ["timestampBefore1970", { timestamp: -1 }, "timestamp: expected epoch microseconds after 1970 and before 2200-01-01T00:00:00Z"],
    // Found by the fast-check property test: an unsafe integer once reached the end-time refinement and threw.
    ["timestampBeyondSafeInteger", { timestamp: 2 ** 53 }, "timestamp: Too big: expected int to be <=9007199254740991"],
    ["negativeDuration", { duration: -1 }, "duration: Too small: expected number to be >=0"],
    [
      "unknownKind",
      { kind: "INTERNAL" },
      'kind: Invalid option: expected one of "CLIENT"|"SERVER"|"PRODUCER"|"CONSUMER"',
    ],
    ["objectTag", { tags: { a: {} } }, "tags: expected an object of string, number or boolean values"],
  ])("%s", (_name, overrides, reason) => {
    const batch = normalizeZipkinSpans([zipkinSpan({ id: "1111111111111111" }), zipkinSpan(overrides)]);
    expect(batch.errors).toEqual([`1.${reason}`]);
    expect(batch.rejected).toBe(1);
    expect(batch.spans.map((span) => span.spanId)).toEqual(["1111111111111111"]);
  });

  it("rejects an entry that is not an object", () => {
    expect(normalizeZipkinSpans(["span"]).errors).toEqual(["0: Invalid input: expected object, received string"]);
  });
});

describe("normalizeZipkinSpans: a malformed upload is an IngestFormatError", () => {
  it.each([
    ["anObject", { traceId: "1" }],
    ["null", null],
    ["aString", "spans"],
  ])("%s", (_name, document) => {
    expect(() => normalizeZipkinSpans(document)).toThrow(IngestFormatError);
    expect(() => normalizeZipkinSpans(document)).toThrow(/^Malformed Zipkin upload, expected an array of spans: /);
  });

  it("accepts an empty array as zero spans", () => {
    expect(normalizeZipkinSpans([])).toEqual({ spans: [], rejected: 0, errors: [] });
  });
});
