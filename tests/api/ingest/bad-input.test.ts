import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeProtobufResponse, decodeProtobufStatus, encodeProtobufRequest, otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf, startTestApp, type HttpAnswer, type SendOptions, type TestApp } from "../support/test-app";

/**
 * Every kind of bad input to the ingest routes gets a 4xx that says what was wrong, in
 * the route's own error shape (OTLP: google.rpc.Status in the request's content type);
 * bad spans are rejected one by one; nothing answers 500.
 */

const LIMIT = 64 * 1024;
const T0 = 1_735_787_045_000_000_000n;
const JSON_TYPE = { "content-type": "application/json" };
const PROTOBUF_TYPE = { "content-type": "application/x-protobuf" };

function validOtlp(traceId = newTraceId()) {
  return otlpRequest("shop", [otlpSpan({ traceId, spanId: spanIdOf(0), name: "GET /", kind: 2, start: T0, end: T0 + 1_000n })]);
}

/** Valid JSON, `bytes` long: the limit is checked before parsing. */
function paddedJson(bytes: number): string {
  const json = JSON.stringify(validOtlp());
  return json + " ".repeat(bytes - json.length);
}

/** A protobuf ExportTraceServiceRequest whose attribute value nests arrays `depth` deep (hostile, but under the size limit). */
function deeplyNestedProtobuf(depth: number): Buffer {
  const varint = (n: number) => {
    const out: number[] = [];
    for (; n > 127; n >>>= 7) out.push((n & 127) | 128);
    out.push(n);
    return Buffer.from(out);
  };
  const field = (number: number, payload: Buffer) => Buffer.concat([varint((number << 3) | 2), varint(payload.length), payload]);
  let value = field(1, Buffer.from("x"));
  for (let i = 0; i < depth; i++) value = field(5, field(1, value));
  const span = Buffer.concat([field(1, Buffer.alloc(16, 1)), field(2, Buffer.alloc(8, 2)), field(5, Buffer.from("n")), field(9, Buffer.concat([field(1, Buffer.from("k")), field(2, value)]))]);
  return field(1, field(2, field(2, span)));
}

const gzipBomb = () => gzipSync(Buffer.alloc(16 * 1024 * 1024, " "));
const truncatedGzip = () => gzipSync(JSON.stringify(validOtlp())).subarray(0, 30);

describe("bad input to the ingest routes", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_MAX_BODY_BYTES: String(LIMIT) } });
  });
  afterAll(async () => {
    await app?.close();
  });

  interface OtlpRefusal {
    name: string;
    request: () => SendOptions;
    status: number;
    /** The answer's content type, and so how its Status body is decoded. */
    answeredAs: "json" | "protobuf";
    message: RegExp;
  }

  const OTLP_REFUSALS: OtlpRefusal[] = [
    { name: "malformedJson", request: () => ({ body: '{"resourceSpans": [', headers: JSON_TYPE }), status: 400, answeredAs: "json", message: /JSON/ },
    { name: "emptyJsonBody", request: () => ({ body: "", headers: JSON_TYPE }), status: 400, answeredAs: "json", message: /JSON/ },
    { name: "malformedProtobuf", request: () => ({ body: Buffer.from("0a05ffff", "hex"), headers: PROTOBUF_TYPE }), status: 400, answeredAs: "protobuf", message: /protobuf/i },
    { name: "protobufHostileNesting", request: () => ({ body: deeplyNestedProtobuf(8_000), headers: PROTOBUF_TYPE }), status: 400, answeredAs: "protobuf", message: /protobuf/i },
    { name: "unknownContentType", request: () => ({ body: JSON.stringify(validOtlp()), headers: { "content-type": "text/plain" } }), status: 415, answeredAs: "json", message: /Content-Type "text\/plain"/ },
    { name: "noContentType", request: () => ({ body: JSON.stringify(validOtlp()) }), status: 415, answeredAs: "json", message: /Content-Type/ },
    { name: "bodyOverLimit_declaredLength", request: () => ({ body: paddedJson(LIMIT + 1), headers: JSON_TYPE }), status: 413, answeredAs: "json", message: /TRACEBOARD_MAX_BODY_BYTES/ },
    { name: "bodyOverLimit_chunked", request: () => ({ body: paddedJson(LIMIT + 1), headers: JSON_TYPE, chunked: true }), status: 413, answeredAs: "json", message: /TRACEBOARD_MAX_BODY_BYTES/ },
    { name: "bodyOverLimit_protobuf", request: () => ({ body: Buffer.alloc(LIMIT + 1), headers: PROTOBUF_TYPE }), status: 413, answeredAs: "protobuf", message: /TRACEBOARD_MAX_BODY_BYTES/ },
    { name: "gzipBomb", request: () => ({ body: gzipBomb(), headers: { ...JSON_TYPE, "content-encoding": "gzip" } }), status: 413, answeredAs: "json", message: /TRACEBOARD_MAX_BODY_BYTES/ },
    { name: "corruptGzip_truncated", request: () => ({ body: truncatedGzip(), headers: { ...JSON_TYPE, "content-encoding": "gzip" } }), status: 400, answeredAs: "json", message: /gzip/ },
    { name: "corruptGzip_notGzipAtAll", request: () => ({ body: JSON.stringify(validOtlp()), headers: { ...PROTOBUF_TYPE, "content-encoding": "gzip" } }), status: 400, answeredAs: "protobuf", message: /gzip/ },
    { name: "unsupportedContentEncoding", request: () => ({ body: JSON.stringify(validOtlp()), headers: { ...JSON_TYPE, "content-encoding": "br" } }), status: 415, answeredAs: "json", message: /Content-Encoding "br"/ },
    { name: "wrongShape_resourceSpansNotAnArray", request: () => ({ body: '{"resourceSpans": {"spans": []}}', headers: JSON_TYPE }), status: 400, answeredAs: "json", message: /resourceSpans/ },
    { name: "wrongShape_spansNotAnArray", request: () => ({ body: '{"resourceSpans": [{"scopeSpans": [{"spans": 5}]}]}', headers: JSON_TYPE }), status: 400, answeredAs: "json", message: /resourceSpans\.0\.scopeSpans\.0\.spans/ },
    { name: "wrongShape_resourceAttributeKey", request: () => ({ body: '{"resourceSpans": [{"resource": {"attributes": [{"key": 5}]}}]}', headers: JSON_TYPE }), status: 400, answeredAs: "json", message: /resourceSpans\.0\.resource\.attributes\.0\.key/ },
    { name: "wrongShape_documentIsAnArray", request: () => ({ body: "[]", headers: JSON_TYPE }), status: 400, answeredAs: "json", message: /OTLP/ },
  ];

  it.each(OTLP_REFUSALS)("otlp $name: answers $status with a Status body", async ({ request, status, answeredAs, message }) => {
    const answer = await app.send("/v1/traces", request());
    expect(answer.status).toBe(status);
    if (answeredAs === "json") {
      expect(answer.headers["content-type"]).toMatch(/^application\/json/);
      expect(answer.json()).toEqual({ code: 3, message: expect.stringMatching(message) });
    } else {
      expect(answer.headers["content-type"]).toBe("application/x-protobuf");
      expect(decodeProtobufStatus(answer.body)).toEqual({ code: 3, message: expect.stringMatching(message) });
    }
  });

  describe("per-span rejection", () => {
    const badSpans = (traceId: string) => [
      otlpSpan({ traceId, spanId: spanIdOf(0), name: "good one", start: T0, end: T0 + 5n }),
      otlpSpan({ traceId: "not-a-trace-id", spanId: spanIdOf(1), name: "bad trace id", start: T0, end: T0 + 5n }),
      otlpSpan({ traceId, spanId: "00000000000000000", name: "bad span id", start: T0, end: T0 + 5n }),
      otlpSpan({ traceId, spanId: spanIdOf(3), name: "good two", start: T0, end: T0 + 6n }),
    ];

    it("json_invalidIds_200WithPartialSuccess_validSpansStored", async () => {
      const traceId = newTraceId();
      const answer = await app.postJson("/v1/traces", otlpRequest("shop", badSpans(traceId)));
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual({
        partialSuccess: {
          rejectedSpans: "2",
          errorMessage: expect.stringMatching(/resourceSpans\.0\.scopeSpans\.0\.spans\.1\.traceId: .*"not-a-trace-id".*; resourceSpans\.0\.scopeSpans\.0\.spans\.2\.spanId: /),
        },
      });
      expect((await app.spans({ traceId })).map((span) => span.name)).toEqual(["good one", "good two"]);
    });

    it("protobuf_invalidIds_200WithPartialSuccess_validSpansStored", async () => {
      const traceId = newTraceId();
      // In protobuf an id is bytes; 15 and 7 bytes are the wrong length.
      const spans = badSpans(traceId);
      spans[1].traceId = "ab".repeat(15);
      spans[2].spanId = "cd".repeat(7);
      const answer = await app.send("/v1/traces", { body: encodeProtobufRequest(otlpRequest("shop", spans)), headers: PROTOBUF_TYPE });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("application/x-protobuf");
      expect(decodeProtobufResponse(answer.body)).toEqual({
        partialSuccess: { rejectedSpans: "2", errorMessage: expect.stringMatching(/spans\.1\.traceId: 15 bytes .*; .*spans\.2\.spanId: 7 bytes/) },
      });
      expect((await app.spans({ traceId })).map((span) => span.name)).toEqual(["good one", "good two"]);
    });

    it("json_fullSuccess_noPartialSuccess", async () => {
      const answer = await app.postJson("/v1/traces", validOtlp());
      expect(answer.status).toBe(200);
      expect(answer.body.toString()).toBe("{}");
    });

    it.each(["application/x-protobuf", "application/protobuf"])(
      "protobuf_fullSuccess_decodesAsExportTraceServiceResponse_in_%s",
      async (contentType) => {
        const traceId = newTraceId();
        const answer = await app.send("/v1/traces", { body: encodeProtobufRequest(validOtlp(traceId)), headers: { "content-type": contentType } });
        expect(answer.status).toBe(200);
        expect(answer.headers["content-type"]).toBe(contentType);
        expect(decodeProtobufResponse(answer.body)).toEqual({});
        expect(await app.spans({ traceId })).toHaveLength(1);
      },
    );
  });

  describe("Zipkin and native routes", () => {
    interface Refusal {
      name: string;
      path: string;
      request: () => SendOptions;
      status: number;
      code: string;
      message: RegExp;
    }
    const zipkinSpan = { traceId: "86154a4ba6e91385", id: "4d1e00c0db9010db", name: "x", timestamp: 1735787045000000, duration: 1 };
    const refusals = (path: string, validBody: string, wrongShape: string, wrongShapeMessage: RegExp): Refusal[] => [
      { name: `${path} malformedJson`, path, request: () => ({ body: "[{", headers: JSON_TYPE }), status: 400, code: "bad_request", message: /Malformed JSON/ },
      { name: `${path} wrongShape`, path, request: () => ({ body: wrongShape, headers: JSON_TYPE }), status: 400, code: "bad_request", message: wrongShapeMessage },
      { name: `${path} protobufContentType`, path, request: () => ({ body: validBody, headers: PROTOBUF_TYPE }), status: 415, code: "unsupported_media_type", message: /Content-Type/ },
      { name: `${path} bodyOverLimit`, path, request: () => ({ body: validBody + " ".repeat(LIMIT), headers: JSON_TYPE }), status: 413, code: "payload_too_large", message: /TRACEBOARD_MAX_BODY_BYTES/ },
      { name: `${path} gzipBomb`, path, request: () => ({ body: gzipBomb(), headers: { ...JSON_TYPE, "content-encoding": "gzip" } }), status: 413, code: "payload_too_large", message: /TRACEBOARD_MAX_BODY_BYTES/ },
      { name: `${path} corruptGzip`, path, request: () => ({ body: validBody, headers: { ...JSON_TYPE, "content-encoding": "gzip" } }), status: 400, code: "bad_request", message: /gzip/ },
      { name: `${path} unsupportedContentEncoding`, path, request: () => ({ body: validBody, headers: { ...JSON_TYPE, "content-encoding": "compress" } }), status: 415, code: "unsupported_media_type", message: /Content-Encoding/ },
    ];
    const ROWS = [
      ...refusals("/api/v2/spans", JSON.stringify([zipkinSpan]), '{"spans": []}', /expected an array/),
      ...refusals("/api/tracing/spans", JSON.stringify({ spans: [] }), '{"spans": 3}', /spans/),
    ];

    it.each(ROWS)("$name: answers $status with the API error envelope", async ({ path, request, status, code, message }) => {
      const answer = await app.send(path, request());
      expect(answer.status).toBe(status);
      expect(answer.json()).toMatchObject({ error: { code, message: expect.stringMatching(message) } });
    });
  });

  describe("nothing answers 500", () => {
    const GARBAGE: Array<[string, string | Buffer]> = [
      ["empty", ""],
      ["null", "null"],
      ["number", "1e400"],
      ["string", '"resourceSpans"'],
      ["emptyObject", "{}"],
      ["arrayOfNulls", "[null, null]"],
      ["nulBytes", Buffer.alloc(64)],
      ["randomBytes", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256))],
      ["deepJsonArrays", "[".repeat(30_000) + "]".repeat(30_000)],
      ["protoKeys", '{"__proto__": {"resourceSpans": 1}, "constructor": {}}'],
      ["spansOfGarbage", JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [null, 1, "x", [], { traceId: {} }] }] }], spans: [null, 1, {}] })],
      ["deepAnyValue", JSON.stringify(otlpRequest("x", [{ ...otlpSpan({ traceId: newTraceId(), spanId: spanIdOf(9), name: "deep", start: T0, end: T0 }), attributes: [{ key: "k", value: JSON.parse('{"arrayValue":{"values":['.repeat(200) + '{"stringValue":"x"}' + "]}}".repeat(200)) }] }]))],
    ];
    const ROUTES = ["/v1/traces", "/api/v2/spans", "/api/tracing/spans"];
    const TYPES = ["application/json", "application/x-protobuf"];
    const CASES = ROUTES.flatMap((path) => TYPES.flatMap((type) => GARBAGE.map(([name, body]) => ({ path, type, name, body }))));

    it(`garbageBodies_${CASES.length}Combinations_only2xxOr4xx`, async () => {
      const answers: Array<{ path: string; type: string; name: string; answer: HttpAnswer }> = [];
      for (const { path, type, name, body } of CASES) answers.push({ path, type, name, answer: await app.send(path, { body, headers: { "content-type": type } }) });
      const bad = answers.filter(({ answer }) => answer.status >= 500 || answer.status < 200).map(({ path, type, name, answer }) => `${path} ${type} ${name}: ${answer.status}`);
      expect(bad).toEqual([]);
      // The JSON garbage really is refused by the OTLP route, not silently accepted.
      const otlpJson = (name: string) => answers.find((a) => a.path === "/v1/traces" && a.type === "application/json" && a.name === name)!.answer.status;
      expect(["empty", "null", "number", "string", "nulBytes", "randomBytes", "deepJsonArrays"].map(otlpJson)).toEqual([400, 400, 400, 400, 400, 400, 400]);
      expect(otlpJson("deepAnyValue")).toBe(200);
    });
  });
});
