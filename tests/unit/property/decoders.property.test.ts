import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IngestFormatError,
  normalizeNativeBatch,
  normalizeOtlpJson,
  normalizeOtlpProtobuf,
  normalizeZipkinSpans,
  parseJsonExact,
} from "@/lib/collector/normalize";
import type { NormalizedBatch, SpanRecord } from "@/lib/domain/span-record";
import { encodeProtobufRequest } from "../../api/support/otlp";
import { RUNS } from "./runs";

const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`)).filter((id) => !/^0+$/.test(id));
const T0 = 1_795_712_400_000_000_000n;

/** A valid OTLP/JSON span and the record it must become. */
const generatedSpan = fc
  .record({
    traceId: hex(32),
    spanId: hex(16),
    parentSpanId: fc.option(hex(16), { nil: null }),
    name: fc.string({ minLength: 1, maxLength: 40 }),
    kind: fc.integer({ min: 0, max: 5 }),
    startOffset: fc.bigInt({ min: 0n, max: 10n ** 15n }),
    duration: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    statusCode: fc.integer({ min: 0, max: 2 }),
    text: fc.string({ maxLength: 30 }),
    count: fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
    ratio: fc.double({ noNaN: true, noDefaultInfinity: true }),
    flag: fc.boolean(),
    upperIds: fc.boolean(),
  })
  .map((g) => {
    const start = T0 + g.startOffset;
    const end = start + g.duration;
    const ids = (id: string) => (g.upperIds ? id.toUpperCase() : id);
    const wire = {
      traceId: ids(g.traceId),
      spanId: ids(g.spanId),
      ...(g.parentSpanId ? { parentSpanId: ids(g.parentSpanId) } : {}),
      name: g.name,
      kind: g.kind,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: end.toString(),
      status: { code: g.statusCode },
      attributes: [
        { key: "text", value: { stringValue: g.text } },
        { key: "count", value: { intValue: String(g.count) } },
        { key: "ratio", value: { doubleValue: g.ratio } },
        { key: "flag", value: { boolValue: g.flag } },
      ],
    };
    const record: Partial<SpanRecord> = {
      traceId: g.traceId,
      spanId: g.spanId,
      parentSpanId: g.parentSpanId,
      name: g.name,
      kind: g.kind as SpanRecord["kind"],
      startTimeNs: start,
      endTimeNs: end,
      statusCode: g.statusCode as SpanRecord["statusCode"],
      serviceName: "property",
      attributes: { text: g.text, count: g.count, ratio: { double: Object.is(g.ratio, -0) ? 0 : g.ratio }, flag: g.flag },
    };
    return { wire, record };
  });

const generatedRequest = fc.uniqueArray(generatedSpan, { minLength: 1, maxLength: 8, selector: (s) => `${s.record.traceId}/${s.record.spanId}` }).map((spans) => ({
  document: {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "property" } }] },
        scopeSpans: [{ scope: { name: "fc" }, spans: spans.map((s) => s.wire) }],
      },
    ],
  },
  records: spans.map((s) => s.record),
}));

/** Either a batch of well-formed records, or an IngestFormatError (a 400): never any other exception. */
function decodesOrRefuses(decode: () => NormalizedBatch): void {
  let batch: NormalizedBatch;
  try {
    batch = decode();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestFormatError);
    return;
  }
  for (const span of batch.spans) {
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(span.endTimeNs >= span.startTimeNs).toBe(true);
    expect(span.startTimeNs > 0n).toBe(true);
  }
  expect(batch.rejected).toBeGreaterThanOrEqual(0);
}

/** Random JSON text, and valid documents with a character changed, inserted or removed. */
function mutatedText(valid: fc.Arbitrary<string>) {
  return fc.tuple(valid, fc.nat(), fc.string({ unit: "binary", maxLength: 3 }), fc.boolean()).map(([text, at, insert, replace]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(replace ? i + insert.length : i);
  });
}

const anyJsonText = fc.oneof(fc.json({ maxDepth: 6 }), fc.string({ unit: "binary", maxLength: 200 }));

describe("ingest decoders (property)", { timeout: 120_000 }, () => {
  it("otlp_json_valid_requests_round_trip", () => {
    fc.assert(
      fc.property(generatedRequest, ({ document, records }) => {
        const batch = normalizeOtlpJson(parseJsonExact(JSON.stringify(document)));
        expect(batch.rejected).toBe(0);
        expect(batch.spans).toHaveLength(records.length);
        batch.spans.forEach((span, i) => expect(span).toMatchObject(records[i]));
      }),
      { numRuns: RUNS },
    );
  });

  it("otlp_protobuf_decodes_to_the_same_records_as_json", () => {
    fc.assert(
      fc.property(generatedRequest, ({ document }) => {
        const fromJson = normalizeOtlpJson(parseJsonExact(JSON.stringify(document)));
        const lowerIds = JSON.parse(JSON.stringify(document).replace(/"(traceId|spanId|parentSpanId)":"([0-9A-F]+)"/g, (_m, k, v: string) => `"${k}":"${v.toLowerCase()}"`));
        expect(normalizeOtlpProtobuf(encodeProtobufRequest(lowerIds))).toEqual(fromJson);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it("otlp_json_random_and_mutated_text_decodes_or_is_refused", () => {
    const valid = generatedRequest.map(({ document }) => JSON.stringify(document));
    fc.assert(
      fc.property(fc.oneof(anyJsonText, mutatedText(valid)), (text) => decodesOrRefuses(() => normalizeOtlpJson(parseJsonExact(text)))),
      { numRuns: RUNS },
    );
  });

  it("otlp_json_random_documents_decode_or_are_refused", () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 5 }), (document) => decodesOrRefuses(() => normalizeOtlpJson(document))), { numRuns: RUNS });
  });

  it("otlp_protobuf_random_and_mutated_bytes_decode_or_are_refused", () => {
    const valid = generatedRequest.map(({ document }) => encodeProtobufRequest(JSON.parse(JSON.stringify(document).toLowerCase())));
    const mutatedBytes = fc.tuple(valid, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([bytes, at, byte]) => {
      const copy = Uint8Array.from(bytes);
      copy[at % copy.length] = byte;
      return copy;
    });
    const truncated = fc.tuple(valid, fc.nat()).map(([bytes, at]) => bytes.subarray(0, at % bytes.length));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), mutatedBytes, truncated), (bytes) => decodesOrRefuses(() => normalizeOtlpProtobuf(bytes))),
      { numRuns: RUNS },
    );
  });

  it("zipkin_random_and_mutated_documents_decode_or_are_refused", () => {
    const zipkinSpan = fc.record({
      traceId: fc.oneof(hex(16), hex(32), fc.string()),
      id: fc.oneof(hex(16), fc.string()),
      parentId: fc.option(hex(16), { nil: undefined }),
      name: fc.option(fc.string(), { nil: undefined }),
      kind: fc.option(fc.constantFrom("CLIENT", "SERVER", "PRODUCER", "CONSUMER", "bogus"), { nil: undefined }),
      timestamp: fc.oneof(fc.integer({ min: 0 }), fc.double(), fc.string()),
      duration: fc.option(fc.oneof(fc.integer({ min: 0 }), fc.double()), { nil: undefined }),
      localEndpoint: fc.option(fc.record({ serviceName: fc.string() }), { nil: undefined }),
      tags: fc.option(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), { nil: undefined }),
      annotations: fc.option(fc.array(fc.record({ timestamp: fc.integer(), value: fc.string() })), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.oneof(fc.array(zipkinSpan, { maxLength: 5 }), fc.anything({ maxDepth: 4 })), (document) =>
        decodesOrRefuses(() => normalizeZipkinSpans(JSON.parse(JSON.stringify(document ?? null)))),
      ),
      { numRuns: RUNS },
    );
  });

  it("native_random_documents_decode_or_are_refused", () => {
    const nativeSpan = fc.record({
      name: fc.string(),
      trace_id: fc.oneof(hex(32), fc.string()),
      span_id: fc.oneof(hex(16), fc.string()),
      parent_span_id: fc.option(fc.oneof(hex(16), fc.string()), { nil: undefined }),
      kind: fc.option(fc.oneof(fc.constantFrom("server", "client", "weird"), fc.integer()), { nil: undefined }),
      status: fc.option(fc.oneof(fc.constantFrom("ok", "error"), fc.record({ code: fc.string(), message: fc.string() })), { nil: undefined }),
      start_time: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer(), fc.string()),
      end_time: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer(), fc.string()),
      attributes: fc.option(fc.jsonValue({ maxDepth: 4 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.oneof(fc.record({ spans: fc.array(nativeSpan, { maxLength: 5 }) }), fc.anything({ maxDepth: 4 })), (document) =>
        decodesOrRefuses(() => normalizeNativeBatch(JSON.parse(JSON.stringify(document ?? null)))),
      ),
      { numRuns: RUNS },
    );
  });

  it("gzip_of_random_bytes_is_handled_by_the_body_reader_not_the_decoders", () => {
    // The decoders only ever see decompressed bodies; a compressed one is just bytes to them.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => decodesOrRefuses(() => normalizeOtlpProtobuf(gzipSync(bytes)))),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
