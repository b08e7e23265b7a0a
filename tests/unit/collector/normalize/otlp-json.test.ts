import { describe, expect, it } from "vitest";
import { IngestFormatError } from "@/lib/collector/normalize/ingest-format-error";
import { normalizeOtlpJson } from "@/lib/collector/normalize/otlp-json";
import { parseJsonExact } from "@/lib/collector/normalize/parse-json-exact";
import { SpanKind, StatusCode, UNKNOWN_SERVICE } from "@/lib/domain/span-record";
import { expectedCheckoutRecords } from "@/tests/fixtures/collector/checkout-records";
import {
  otlpRequest,
  otlpSpan,
  SERVICE_ATTRIBUTE,
  SPAN_ID,
  spanPath,
  TRACE_ID,
} from "@/tests/fixtures/collector/otlp-documents";
import { checkoutTrace, otlpJsonExport } from "@/tests/fixtures/collector/sdk-export";

function onlySpan(document: unknown) {
  const batch = normalizeOtlpJson(document);
  expect(batch).toMatchObject({ rejected: 0, errors: [] });
  expect(batch.spans).toHaveLength(1);
  return batch.spans[0];
}

describe("normalizeOtlpJson: a real export from the OpenTelemetry JS SDK", () => {
  it("reads back ids, parent links, exact nanosecond times, typed attributes, events, links and status", async () => {
    const trace = await checkoutTrace();
    const batch = normalizeOtlpJson(parseJsonExact(otlpJsonExport(trace.all)));
    expect(batch).toEqual({ spans: expectedCheckoutRecords(trace), rejected: 0, errors: [] });
  });
});

describe("normalizeOtlpJson: what older or looser senders do", () => {
  it("keeps int64 sent as bare 19-digit numbers exact (through parseJsonExact)", () => {
    const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"${TRACE_ID}","spanId":"${SPAN_ID}","name":"n",
      "startTimeUnixNano":1735787045123456789,"endTimeUnixNano":1735787045987654321,
      "events":[{"name":"e","timeUnixNano":1735787045500000001}],
      "attributes":[{"key":"max","value":{"intValue":9223372036854775807}},{"key":"min","value":{"intValue":-9223372036854775808}}]}]}]}]}`;
    const span = onlySpan(parseJsonExact(text));
    expect(span.startTimeNs).toBe(1735787045123456789n);
    expect(span.endTimeNs).toBe(1735787045987654321n);
    expect(span.events[0].timeNs).toBe("1735787045500000001");
    expect(span.attributes).toEqual({ max: { int: "9223372036854775807" }, min: { int: "-9223372036854775808" } });
  });

  it.each([
    ["hex, upper case", { traceId: TRACE_ID.toUpperCase(), spanId: SPAN_ID.toUpperCase() }],
    ["base64, padded", { traceId: "W47/95gDgQPSabYzgT/GDA==", spanId: "7uGbfsPBsXQ=" }],
    ["base64, unpadded", { traceId: "W47/95gDgQPSabYzgT/GDA", spanId: "7uGbfsPBsXQ" }],
    ["base64, URL-safe alphabet", { traceId: "W47_95gDgQPSabYzgT_GDA==", spanId: "7uGbfsPBsXQ=" }],
  ])("reads ids as %s", (_name, ids) => {
    expect(onlySpan(otlpRequest([otlpSpan(ids)]))).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID });
  });

  it("reads a base64 parent id and link ids", () => {
    const span = onlySpan(
      otlpRequest([
        otlpSpan({
          parentSpanId: "7uGbfsPBsXQ=",
          links: [{ traceId: "W47/95gDgQPSabYzgT/GDA==", spanId: "7uGbfsPBsXQ=" }],
        }),
      ]),
    );
    expect(span.parentSpanId).toBe(SPAN_ID);
    expect(span.links).toEqual([{ traceId: TRACE_ID, spanId: SPAN_ID, traceState: null, attributes: {} }]);
  });

  it("reads the old instrumentationLibrarySpans with instrumentationLibrary", () => {
    const document = {
      resourceSpans: [
        {
          resource: { attributes: [SERVICE_ATTRIBUTE] },
          instrumentationLibrarySpans: [
            { instrumentationLibrary: { name: "old-lib", version: "0.9.0" }, spans: [otlpSpan()] },
          ],
        },
      ],
    };
    expect(onlySpan(document)).toMatchObject({ scopeName: "old-lib", scopeVersion: "0.9.0", serviceName: "cart" });
  });

  it.each([
    ["integers", 3, 2, SpanKind.CLIENT, StatusCode.ERROR],
    ["enum names", "SPAN_KIND_CONSUMER", "STATUS_CODE_OK", SpanKind.CONSUMER, StatusCode.OK],
    ["absent (proto3 defaults)", undefined, undefined, SpanKind.UNSPECIFIED, StatusCode.UNSET],
  ])("reads kind and status code given as %s", (_name, kind, code, expectedKind, expectedCode) => {
    const span = onlySpan(
      otlpRequest([otlpSpan({ kind, status: code === undefined ? undefined : { code, message: "m" } })]),
    );
    expect(span).toMatchObject({ kind: expectedKind, statusCode: expectedCode });
  });

  it.each([
    ["all zeros", "0000000000000000"],
    ["empty", ""],
    ["null", null],
  ])("treats a parentSpanId that is %s as a root span", (_name, parentSpanId) => {
    expect(onlySpan(otlpRequest([otlpSpan({ parentSpanId })])).parentSpanId).toBeNull();
  });

  it("ignores unknown fields and nulls, as OTLP/JSON requires", () => {
    const span = onlySpan({
      futureField: 1,
      resourceSpans: [
        {
          schemaUrl: "x",
          resource: { attributes: [SERVICE_ATTRIBUTE], droppedAttributesCount: 0 },
          scopeSpans: [{ scope: null, spans: [otlpSpan({ flags: 257, traceState: null, shiny: {} })] }],
        },
      ],
    });
    expect(span).toMatchObject({ scopeName: null, scopeVersion: null, traceState: null, serviceName: "cart" });
  });
});

describe("normalizeOtlpJson: service name", () => {
  it.each([
    ["missing", []],
    ["not a string", [{ key: "service.name", value: { intValue: 7 } }]],
    ["empty", [{ key: "service.name", value: { stringValue: "" } }]],
  ])("is unknown_service when resource service.name is %s", (_name, attributes) => {
    expect(onlySpan(otlpRequest([otlpSpan()], attributes)).serviceName).toBe(UNKNOWN_SERVICE);
  });
});

describe("normalizeOtlpJson: a span that cannot be stored is rejected alone", () => {
  it.each([
    ["invalidTraceId", { traceId: "xyz" }, 'traceId: "xyz" is not a trace id (32 hex digits or 24 base64 characters)'],
    ["invalidTraceId_allZeros", { traceId: "0".repeat(32) }, "traceId: all zeros is not a valid id"],
    ["invalidTraceId_missing", { traceId: undefined }, "traceId: missing"],
    [
      "invalidSpanId_tooLong",
      { spanId: `${SPAN_ID}00` },
      `spanId: "${SPAN_ID}00" is not a span id (16 hex digits or 12 base64 characters)`,
    ],
    ["invalidSpanId_allZeros", { spanId: "0".repeat(16) }, "spanId: all zeros is not a valid id"],
    [
      "invalidParentSpanId",
      { parentSpanId: "not-an-id" },
      'parentSpanId: "not-an-id" is not a span id (16 hex digits or 12 base64 characters)',
    ],
    ["missingName", { name: undefined }, "name: missing (a span needs a name)"],
    ["emptyName", { name: "" }, "name: missing (a span needs a name)"],
    [
      "endBeforeStart",
      { endTimeUnixNano: "1735787044999999999" },
      "endTimeUnixNano: 1735787044999999999 is before startTimeUnixNano 1735787045000000000",
    ],
    [
      "unparseableTime",
      { startTimeUnixNano: "soon" },
      'startTimeUnixNano: "soon" is not unix nanoseconds (a positive int64, as a decimal string or a safe-integer number)',
    ],
    ["missingTime", { startTimeUnixNano: undefined }, "startTimeUnixNano: missing"],
    [
      "inexactNumberTime",
      { endTimeUnixNano: 1735787046000000000 },
      "endTimeUnixNano: 1735787046000000000 is not unix nanoseconds (a positive int64, as a decimal string or a safe-integer number)",
    ],
    ["unknownKind", { kind: 9 }, "kind: 9 is not a SpanKind (0-5 or SPAN_KIND_*)"],
    [
      "unknownStatusCode",
      { status: { code: "STATUS_CODE_MAYBE" } },
      'status.code: "STATUS_CODE_MAYBE" is not a StatusCode (0-2 or STATUS_CODE_*)',
    ],
    [
      "badAttribute",
      { attributes: [{ key: "a", value: { intValue: "1.5" } }] },
      'attributes.0.value.intValue: expected an int64 (a decimal string, or a number within ±(2^53-1)), got "1.5"',
    ],
    [
      "badEventTime",
      { events: [{ name: "e", timeUnixNano: "-1" }] },
      'events.0.timeUnixNano: "-1" is not unix nanoseconds (a positive int64, as a decimal string or a safe-integer number)',
    ],
    [
      "badLinkId",
      { links: [{ traceId: TRACE_ID, spanId: "0".repeat(16) }] },
      "links.0.spanId: all zeros is not a valid id",
    ],
    ["eventsNotAnArray", { events: {} }, "events: expected an array, got {}"],
  ])("%s", (_name, overrides, reason) => {
    const batch = normalizeOtlpJson(otlpRequest([otlpSpan(overrides), otlpSpan({ spanId: "1111111111111111" })]));
    expect(batch.errors).toEqual([`${spanPath(0)}.${reason}`]);
    expect(batch.rejected).toBe(1);
    expect(batch.spans.map((span) => span.spanId)).toEqual(["1111111111111111"]);
  });

  it("rejects a span that is not an object", () => {
    expect(normalizeOtlpJson(otlpRequest([42]))).toEqual({
      spans: [],
      rejected: 1,
      errors: [`${spanPath(0)}: expected a Span object, got 42`],
    });
  });

  it("keeps the first five reasons and counts every rejection", () => {
    const bad = Array.from({ length: 7 }, (_, i) => otlpSpan({ name: "", spanId: `${i + 1}`.repeat(16) }));
    const batch = normalizeOtlpJson(otlpRequest(bad));
    expect(batch.rejected).toBe(7);
    expect(batch.errors).toEqual([0, 1, 2, 3, 4].map((i) => `${spanPath(i)}.name: missing (a span needs a name)`));
  });
});

describe("normalizeOtlpJson: a malformed envelope is an IngestFormatError", () => {
  it.each([
    ["notAnObject", null, "Malformed OTLP trace request: Invalid input: expected object, received null"],
    ["anArray", [], "Malformed OTLP trace request: Invalid input: expected object, received array"],
    [
      "resourceSpansNotAnArray",
      { resourceSpans: {} },
      "Malformed OTLP trace request: resourceSpans: Invalid input: expected array, received object",
    ],
    [
      "scopeSpansNotAnArray",
      { resourceSpans: [{ scopeSpans: 5 }] },
      "Malformed OTLP trace request: resourceSpans.0.scopeSpans: Invalid input: expected array, received number",
    ],
    [
      "spansNotAnArray",
      { resourceSpans: [{ scopeSpans: [{ spans: "x" }] }] },
      "Malformed OTLP trace request: resourceSpans.0.scopeSpans.0.spans: Invalid input: expected array, received string",
    ],
    [
      "scopeNameNotAString",
      { resourceSpans: [{ scopeSpans: [{ scope: { name: 1 } }] }] },
      "Malformed OTLP trace request: resourceSpans.0.scopeSpans.0.scope.name: Invalid input: expected string, received number",
    ],
    [
      "badResourceAttribute",
      otlpRequest([otlpSpan()], [{ key: "k", value: { boolValue: "yes" } }]),
      'Malformed OTLP trace request: resourceSpans.0.resource.attributes.0.value.boolValue: expected a boolean, got "yes"',
    ],
  ])("%s", (_name, document, message) => {
    expect(() => normalizeOtlpJson(document)).toThrow(new IngestFormatError(message));
  });

  it.each([
    ["an empty request", {}],
    ["an empty resourceSpans", { resourceSpans: [] }],
    ["a resource without spans", { resourceSpans: [{ resource: { attributes: [SERVICE_ATTRIBUTE] } }] }],
  ])("accepts %s as zero spans", (_name, document) => {
    expect(normalizeOtlpJson(document)).toEqual({ spans: [], rejected: 0, errors: [] });
  });
});
