import { describe, expect, it } from "vitest";
import { IngestFormatError } from "@/lib/collector/normalize/ingest-format-error";
import { normalizeOtlpJson } from "@/lib/collector/normalize/otlp-json";
import { normalizeOtlpProtobuf } from "@/lib/collector/normalize/otlp-protobuf";
import { parseJsonExact } from "@/lib/collector/normalize/parse-json-exact";
import { ExportTraceServiceRequest } from "@/lib/collector/wire/otlp-proto";
import { expectedCheckoutRecords } from "@/tests/fixtures/collector/checkout-records";
import { SPAN_ID, spanPath, TRACE_ID } from "@/tests/fixtures/collector/otlp-documents";
import { checkoutTrace, otlpJsonExport, otlpProtobufExport } from "@/tests/fixtures/collector/sdk-export";

/** Encodes a hand-built request with the same schema (fromObject takes int64 as strings, bytes as Uint8Array). */
function encode(request: object): Uint8Array {
  return ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(request)).finish();
}

const hex = (text: string) => Uint8Array.from(Buffer.from(text, "hex"));

function request(span: Record<string, unknown>) {
  return { resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] };
}

const SPAN = {
  traceId: hex(TRACE_ID),
  spanId: hex(SPAN_ID),
  name: "GET /",
  startTimeUnixNano: "1735787045123456789",
  endTimeUnixNano: "18446744073709551615",
};

describe("normalizeOtlpProtobuf: a real export from the OpenTelemetry JS SDK (ProtobufTraceSerializer)", () => {
  it("reads back ids, parent links, exact nanosecond times, typed attributes, events, links and status", async () => {
    const trace = await checkoutTrace();
    expect(normalizeOtlpProtobuf(otlpProtobufExport(trace.all))).toEqual({
      spans: expectedCheckoutRecords(trace),
      rejected: 0,
      errors: [],
    });
  });

  it("gives the same records as the JSON export of the same spans", async () => {
    const trace = await checkoutTrace();
    expect(normalizeOtlpProtobuf(otlpProtobufExport(trace.all))).toEqual(
      normalizeOtlpJson(parseJsonExact(otlpJsonExport(trace.all))),
    );
  });
});

describe("normalizeOtlpProtobuf: fields the SDK does not produce", () => {
  it("reads int64 and bytes attribute values exactly", () => {
    const attributes = [
      { key: "max", value: { intValue: "9223372036854775807" } },
      { key: "negative", value: { intValue: "-5" } },
      { key: "blob", value: { bytesValue: Uint8Array.of(0xde, 0xad, 0xbe, 0xef) } },
      { key: "nested", value: { kvlistValue: { values: [{ key: "ratio", value: { doubleValue: 0.5 } }] } } },
    ];
    const batch = normalizeOtlpProtobuf(
      encode(request({ ...SPAN, endTimeUnixNano: "1735787045987654321", kind: 5, attributes })),
    );
    expect(batch.errors).toEqual([]);
    expect(batch.spans[0]).toMatchObject({
      kind: 5,
      startTimeNs: 1735787045123456789n,
      endTimeNs: 1735787045987654321n,
      attributes: {
        max: { int: "9223372036854775807" },
        negative: -5,
        blob: { bytes: "3q2+7w==" },
        nested: { kvlist: { ratio: { double: 0.5 } } },
      },
    });
  });

  it("rejects a span whose fixed64 time is beyond int64 (it would not fit the store)", () => {
    expect(normalizeOtlpProtobuf(encode(request(SPAN))).errors).toEqual([
      `${spanPath(0)}.endTimeUnixNano: 18446744073709551615 is not unix nanoseconds (a positive int64, as a decimal string or a safe-integer number)`,
    ]);
  });

  it("rejects a span whose id has the wrong number of bytes", () => {
    expect(
      normalizeOtlpProtobuf(encode(request({ ...SPAN, endTimeUnixNano: "1735787046000000000", spanId: hex("0102") })))
        .errors,
    ).toEqual([`${spanPath(0)}.spanId: 2 bytes is not a span id (16 hex digits or 12 base64 characters)`]);
  });

  it("reads an empty body as an empty request", () => {
    expect(normalizeOtlpProtobuf(new Uint8Array())).toEqual({ spans: [], rejected: 0, errors: [] });
  });
});

/** A span whose one attribute nests `levels` ArrayValues, written as raw protobuf (fromObject would recurse too). */
function deeplyNestedAttribute(levels: number): Uint8Array {
  const header = (field: number, length: number) => [(field << 3) | 2, ...varint(length)];
  const headers: number[][] = [];
  let length = 0; // of the AnyValue at this level: the innermost one is empty
  for (let i = 0; i < levels; i++) {
    const arrayValue = header(1, length); // ArrayValue { values: [AnyValue] }
    const anyValue = header(5, arrayValue.length + length); // AnyValue { arrayValue }
    headers.push([...anyValue, ...arrayValue]);
    length += arrayValue.length + anyValue.length;
  }
  const keyValue = [...header(1, 1), 0x6b, ...header(2, length)]; // KeyValue { key: "k", value }
  const nesting = Uint8Array.from(headers.reverse().flat());
  let message = Buffer.concat([Uint8Array.from(keyValue), nesting]);
  // Span.attributes, ScopeSpans.spans, ResourceSpans.scopeSpans, ExportTraceServiceRequest.resourceSpans
  for (const field of [9, 2, 2, 1]) message = Buffer.concat([Uint8Array.from(header(field, message.length)), message]);
  return message;
}

function varint(n: number): number[] {
  const bytes: number[] = [];
  for (; n > 0x7f; n = Math.floor(n / 128)) bytes.push((n % 128) | 0x80);
  bytes.push(n);
  return bytes;
}

describe("normalizeOtlpProtobuf: a body that does not decode is an IngestFormatError", () => {
  it.each([
    ["truncated", () => encode(request(SPAN)).subarray(0, 20)],
    ["invalidWireType", () => Uint8Array.of(0x0f, 0x01)],
    ["jsonBody", () => new TextEncoder().encode('{"resourceSpans":[]}')],
    ["hostileNesting", () => deeplyNestedAttribute(100_000)],
  ])("%s", (_name, body) => {
    expect(() => normalizeOtlpProtobuf(body())).toThrow(IngestFormatError);
    expect(() => normalizeOtlpProtobuf(body())).toThrow(/^Malformed protobuf ExportTraceServiceRequest: /);
  });
});

describe("normalizeOtlpProtobuf: unset fields", () => {
  it.each([
    ["traceId", "traceId: missing"],
    ["spanId", "spanId: missing"],
    ["startTimeUnixNano", "startTimeUnixNano: missing"],
    ["name", "name: missing (a span needs a name)"],
  ])("a span without %s is rejected as missing it", (field, reason) => {
    const span: Record<string, unknown> = { ...SPAN, endTimeUnixNano: "1735787046000000000" };
    delete span[field];
    expect(normalizeOtlpProtobuf(encode(request(span))).errors).toEqual([`${spanPath(0)}.${reason}`]);
  });
});
