import { describe, expect, it } from "vitest";
import { IngestFormatError } from "@/lib/collector/normalize/ingest-format-error";
import { normalizeNativeBatch } from "@/lib/collector/normalize/native";
import { MAX_VALUE_NESTING } from "@/lib/collector/normalize/attributes";
import { parseJsonExact } from "@/lib/collector/normalize/parse-json-exact";
import { SpanKind, StatusCode, UNKNOWN_SERVICE } from "@/lib/domain/span-record";

const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
const SPAN_ID = "b7ad6b7169203331";

function nativeSpan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "load cart",
    trace_id: TRACE_ID,
    span_id: SPAN_ID,
    start_time: "2025-01-02T03:04:05Z",
    end_time: "2025-01-02T03:04:06Z",
    ...overrides,
  };
}

function onlySpan(overrides: Record<string, unknown>, batch: Record<string, unknown> = {}) {
  const result = normalizeNativeBatch({ ...batch, spans: [nativeSpan(overrides)] });
  expect(result.errors).toEqual([]);
  return result.spans[0];
}

describe("normalizeNativeBatch: times, exact to the nanosecond", () => {
  it.each([
    ["ISO with 9 fractional digits", "2025-01-02T03:04:05.123456789Z", 1735787045123456789n],
    ["ISO with a comma and an offset", "2025-01-02T05:04:05,000000001+02:00", 1735787045000000001n],
    ["a string of unix nanoseconds", "1735787045123456789", 1735787045123456789n],
    ["a number of unix milliseconds", 1735787045123, 1735787045123000000n],
    ["a number of milliseconds with a fraction", 1735787045123.5, 1735787045123500000n],
  ])("start_time as %s", (_name, start_time, expected) => {
    expect(onlySpan({ start_time, end_time: "2025-01-02T03:04:06Z" }).startTimeNs).toBe(expected);
  });

  it("keeps an unquoted nanosecond integer exact through parseJsonExact (it arrives as a string)", () => {
    const text = `{"spans":[{"name":"n","trace_id":"${TRACE_ID}","span_id":"${SPAN_ID}","start_time":1735787045123456789,"end_time":1735787045123456790}]}`;
    expect(normalizeNativeBatch(parseJsonExact(text)).spans[0]).toMatchObject({
      startTimeNs: 1735787045123456789n,
      endTimeNs: 1735787045123456790n,
    });
  });

  it.each([
    ["no offset", "2025-01-02T03:04:05"],
    ["30 February", "2025-02-30T03:04:05Z"],
    ["10 fractional digits", "2025-01-02T03:04:05.1234567891Z"],
    ["nanoseconds beyond int64", "9223372036854775808"],
    ["nanoseconds as a number (read as milliseconds, beyond 2262)", 1735787045123456],
    ["a word", "yesterday"],
  ])("rejects start_time given as %s", (_name, start_time) => {
    expect(normalizeNativeBatch({ spans: [nativeSpan({ start_time })] }).errors).toEqual([
      "spans.0.start_time: expected an ISO 8601 time with an offset, a string of unix nanoseconds, or a number of unix milliseconds",
    ]);
  });
});

describe("normalizeNativeBatch: fields", () => {
  it("reads the seed's span shape", () => {
    const span = onlySpan(
      {
        trace_id: TRACE_ID.toUpperCase(),
        parent_span_id: "00f067aa0ba902b7",
        kind: "server",
        status: { code: "error", message: "card declined" },
        events: [{ name: "retry", time: "2025-01-02T03:04:05.5Z", attributes: { attempt: 2 } }],
      },
      { service_name: "web" },
    );
    expect(span).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      parentSpanId: "00f067aa0ba902b7",
      name: "load cart",
      kind: SpanKind.SERVER,
      startTimeNs: 1735787045000000000n,
      endTimeNs: 1735787046000000000n,
      statusCode: StatusCode.ERROR,
      statusMessage: "card declined",
      serviceName: "web",
      resourceAttributes: { "service.name": "web" },
      attributes: {},
      events: [{ name: "retry", timeNs: "1735787045500000000", attributes: { attempt: 2 } }],
      links: [],
      scopeName: null,
      scopeVersion: null,
      traceState: null,
    });
  });

  it.each([
    ["absent (internal, as in the OpenTelemetry API)", undefined, SpanKind.INTERNAL],
    ["a name", "client", SpanKind.CLIENT],
    ["an upper-case name", "PRODUCER", SpanKind.PRODUCER],
    ["a number", 5, SpanKind.CONSUMER],
  ])("kind %s", (_name, kind, expected) => {
    expect(onlySpan({ kind }).kind).toBe(expected);
  });

  it.each([
    ["absent", undefined, StatusCode.UNSET, null],
    ["a string", "ok", StatusCode.OK, null],
    ["a number", 2, StatusCode.ERROR, null],
    ["an object with a message", { code: "ERROR", message: "boom" }, StatusCode.ERROR, "boom"],
  ])("status %s", (_name, status, code, message) => {
    expect(onlySpan({ status })).toMatchObject({ statusCode: code, statusMessage: message });
  });

  it.each([
    ["none", {}, {}, UNKNOWN_SERVICE, {}],
    ["the batch's", { service_name: "web" }, {}, "web", { "service.name": "web" }],
    [
      "the span's, over the batch's",
      { service_name: "web" },
      { service_name: "worker" },
      "worker",
      { "service.name": "worker" },
    ],
  ])("service name: %s", (_name, batch, overrides, serviceName, resourceAttributes) => {
    expect(onlySpan(overrides, batch)).toMatchObject({ serviceName, resourceAttributes });
  });

  it.each([
    ["all zeros", "0000000000000000"],
    ["empty", ""],
    ["null", null],
  ])("parent_span_id %s means a root span", (_name, parent_span_id) => {
    expect(onlySpan({ parent_span_id }).parentSpanId).toBeNull();
  });

  it("types plain JSON attributes", () => {
    const attributes = {
      s: "x",
      i: 42,
      d: 0.5,
      b: true,
      list: [1, "a", null, [2]],
      nested: { deep: { n: 1.25 } },
      gone: null,
    };
    expect(onlySpan({ attributes }).attributes).toEqual({
      s: "x",
      i: 42,
      d: { double: 0.5 },
      b: true,
      list: [1, "a", [2]],
      nested: { kvlist: { deep: { kvlist: { n: { double: 1.25 } } } } },
    });
  });

  it("rejects attributes nested deeper than MAX_VALUE_NESTING instead of recursing", () => {
    let attributes: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) attributes = { a: attributes };
    expect(normalizeNativeBatch({ spans: [nativeSpan({ attributes })] }).errors).toEqual([
      `spans.0.attributes: expected arrays and objects nested at most ${MAX_VALUE_NESTING} levels deep`,
    ]);
  });

  it("accepts a bare array of spans", () => {
    const batch = normalizeNativeBatch([nativeSpan(), nativeSpan({ span_id: "1111111111111111", trace_id: "xyz" })]);
    expect(batch).toMatchObject({ rejected: 1, errors: ["1.trace_id: expected 32 hex digits"] });
    expect(batch.spans).toHaveLength(1);
  });
});

describe("normalizeNativeBatch: a span that cannot be stored is rejected alone, with its path", () => {
  it.each([
    ["invalidTraceId", { trace_id: "abc" }, "trace_id: expected 32 hex digits"],
    ["invalidTraceId_allZeros", { trace_id: "0".repeat(32) }, "trace_id: all zeros is not a valid id"],
    ["invalidSpanId", { span_id: "g".repeat(16) }, "span_id: expected 16 hex digits"],
    ["invalidParentSpanId", { parent_span_id: "xyz" }, "parent_span_id: expected 16 hex digits"],
    ["missingName", { name: undefined }, "name: Invalid input: expected string, received undefined"],
    ["emptyName", { name: "" }, "name: Too small: expected string to have >=1 characters"],
    ["endBeforeStart", { end_time: "2025-01-02T03:04:04.999999999Z" }, "end_time: is before start_time"],
    [
      "missingEndTime",
      { end_time: undefined },
      "end_time: expected an ISO 8601 time with an offset, a string of unix nanoseconds, or a number of unix milliseconds",
    ],
    [
      "unknownKind",
      { kind: "sideways" },
      "kind: expected unspecified, internal, server, client, producer, consumer or 0-5",
    ],
    ["unknownStatus", { status: "fine" }, "status.code: expected unset, ok, error or 0-2"],
    [
      "badEventTime",
      { events: [{ name: "e", time: "later" }] },
      "events.0.time: expected an ISO 8601 time with an offset, a string of unix nanoseconds, or a number of unix milliseconds",
    ],
    ["attributesNotAnObject", { attributes: [1] }, "attributes: expected an object of attributes"],
  ])("%s", (_name, overrides, reason) => {
    const spans = [nativeSpan(), nativeSpan(), nativeSpan(), nativeSpan(overrides)];
    const batch = normalizeNativeBatch({ spans });
    expect(batch.errors).toEqual([`spans.3.${reason}`]);
    expect(batch.rejected).toBe(1);
    expect(batch.spans).toHaveLength(3);
  });
});

describe("normalizeNativeBatch: a malformed batch is an IngestFormatError", () => {
  it.each([
    ["noSpans", {}],
    ["spansNotAnArray", { spans: 5 }],
    ["aString", "spans"],
    ["null", null],
    ["emptyServiceName", { service_name: "", spans: [] }],
  ])("%s", (_name, document) => {
    expect(() => normalizeNativeBatch(document)).toThrow(IngestFormatError);
    expect(() => normalizeNativeBatch(document)).toThrow(
      /^Malformed span batch, expected \{"spans": \[\.\.\.\]\} or an array of spans: /,
    );
  });
});
