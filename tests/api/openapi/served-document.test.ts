import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ALL_ENDPOINTS } from "@/lib/api/contracts";
import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/api/openapi";
import type { Operation } from "@/lib/api/openapi/build-document";
import { APP_VERSION } from "@/lib/version";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf, startTestApp, type TestApp, type HttpAnswer } from "../support/test-app";

/**
 * The document as served, and the routes held to it: real answers (successes and
 * errors) validate against the documented schemas, and a parameter the route refuses
 * is one the documented schema refuses too.
 */

const document: OpenApiDocument = buildOpenApiDocument(ALL_ENDPOINTS, APP_VERSION);

/** A documented schema as zod, its `#/components/schemas` references resolved. */
function documentedSchema(schema: unknown): z.ZodType {
  const local = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/'));
  return z.fromJSONSchema({ ...local(schema), $defs: local(document.components.schemas) });
}

function operation(method: string, path: string): Operation {
  const found = document.paths[path]?.[method.toLowerCase()];
  if (!found) throw new Error(`${method} ${path} is not documented`);
  return found;
}

/** The documented JSON body of an answer with `status`, following a response reference. */
function documentedAnswer(method: string, path: string, status: number): z.ZodType {
  let response = operation(method, path).responses[status];
  if (!response) throw new Error(`${method} ${path} does not document ${status}`);
  if ("$ref" in response) response = document.components.responses[response.$ref.replace("#/components/responses/", "")];
  return documentedSchema(response.content?.["application/json"].schema);
}

const NOW_NS = BigInt(Date.now()) * 1_000_000n;
const nativeSpan = (traceId: string) => ({ name: "op", trace_id: traceId, span_id: spanIdOf(1), start_time: NOW_NS.toString(), end_time: (NOW_NS + 1000n).toString() });

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { TRACEBOARD_PROPAGATION_TEST: "1" } });
});
afterAll(async () => {
  await app?.close();
});

describe("GET /api/tracing/openapi.json", () => {
  it("serves_the_builder_output_as_json", async () => {
    const answer = await app.send("/api/tracing/openapi.json");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(answer.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);
    expect(answer.json()).toEqual(document);
  });
});

describe("answers match the documented schemas", () => {
  const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  it.each<[string, string, string, () => Promise<HttpAnswer>, number]>([
    ["health", "GET", "/api/health", () => app.send("/api/health"), 200],
    ["context", "GET", "/api/tracing/context", () => app.send("/api/tracing/context", { headers: { traceparent: `00-${newTraceId()}-${spanIdOf(7)}-01` } }), 200],
    ["cleanup", "POST", "/api/tracing/cleanup", () => app.send("/api/tracing/cleanup?max_age_seconds=3600", { method: "POST" }), 200],
    ["cleanupBadParameter", "POST", "/api/tracing/cleanup", () => app.send("/api/tracing/cleanup?max_age_seconds=x", { method: "POST" }), 400],
    ["nativeWithARejectedSpan", "POST", "/api/tracing/spans", () => app.postJson("/api/tracing/spans", { spans: [nativeSpan(newTraceId()), { name: "" }] }), 202],
    ["nativeNotJson", "POST", "/api/tracing/spans", () => app.send("/api/tracing/spans", { body: "{", headers: { "content-type": "application/json" } }), 400],
    ["nativeWrongType", "POST", "/api/tracing/spans", () => app.send("/api/tracing/spans", { body: "x", headers: { "content-type": "text/plain" } }), 415],
    ["otlpAllAccepted", "POST", "/v1/traces", () => app.postJson("/v1/traces", otlpRequest("svc", [otlpSpan({ traceId: newTraceId(), spanId: spanIdOf(1), name: "op", start: NOW_NS, end: NOW_NS + 5n })])), 200],
    [
      "otlpPartialSuccess",
      "POST",
      "/v1/traces",
      () => app.postJson("/v1/traces", otlpRequest("svc", [otlpSpan({ traceId: "zz", spanId: spanIdOf(1), name: "op", start: NOW_NS, end: NOW_NS })])),
      200,
    ],
    ["otlpNotJson", "POST", "/v1/traces", () => app.send("/v1/traces", { body: "[", headers: { "content-type": "application/json" } }), 400],
    ["zipkinBadBody", "POST", "/api/v2/spans", () => app.send("/api/v2/spans", json({ not: "a list" })), 400],
    ["propagationTestNothingToCall", "POST", "/api/tracing/propagation-test", () => app.send("/api/tracing/propagation-test", json([])), 200],
    ["propagationTestBadUrl", "POST", "/api/tracing/propagation-test", () => app.send("/api/tracing/propagation-test", json([{ url: 5 }])), 400],
    ["openapi", "GET", "/api/tracing/openapi.json", () => app.send("/api/tracing/openapi.json"), 200],
    // After the ingest rows above, the last hour holds their spans: the span sets are checked too.
    ["traceqlSearchWithSpanSets", "GET", "/api/tracing/traces", () => app.send(`/api/tracing/traces?q=${encodeURIComponent("{ }")}`), 200],
    ["traceqlUnsupported", "GET", "/api/tracing/traces", () => app.send(`/api/tracing/traces?q=${encodeURIComponent("{ } | count() > 1")}`), 400],
  ])("%s", async (_name, method, path, request, status) => {
    const answer = await request();
    expect(answer.status).toBe(status);
    const checked = documentedAnswer(method, path, status).safeParse(answer.json());
    expect(checked.error?.issues ?? []).toEqual([]);
  });

  it("traceql_answers_carry_span_sets", async () => {
    const answer = (await app.send(`/api/tracing/traces?q=${encodeURIComponent("{ }")}`)).json() as { traces: Array<{ spanSet?: { matched: number } }> };
    expect(answer.traces.length).toBeGreaterThan(0);
    expect(answer.traces.every((trace) => (trace.spanSet?.matched ?? 0) > 0)).toBe(true);
    const parameters = operation("GET", "/api/tracing/traces").parameters?.map((parameter) => parameter.name);
    expect(parameters).toEqual(expect.arrayContaining(["q", "spss"]));
  });

  it("a_field_missing_from_the_document_fails_the_check", async () => {
    const answer = (await app.send("/api/tracing/cleanup?max_age_seconds=3600", { method: "POST" })).json() as object;
    expect(documentedAnswer("POST", "/api/tracing/cleanup", 200).safeParse({ ...answer, undocumented: 1 }).success).toBe(false);
  });

  it("otlp_partial_success_is_reported", async () => {
    const answer = await app.postJson("/v1/traces", otlpRequest("svc", [otlpSpan({ traceId: "zz", spanId: spanIdOf(1), name: "op", start: NOW_NS, end: NOW_NS })]));
    expect(answer.json()).toMatchObject({ partialSuccess: { rejectedSpans: "1" } });
  });

  it("zipkin_success_has_no_body_as_documented", async () => {
    const answer = await app.postJson("/api/v2/spans", []);
    expect(answer.status).toBe(202);
    expect(answer.body.length).toBe(0);
    expect(operation("POST", "/api/v2/spans").responses[202]).toEqual({ description: "Accepted" });
  });
});

describe("the Tempo API's answers match the document", () => {
  const traceId = newTraceId();
  beforeAll(async () => {
    const span = otlpSpan({ traceId, spanId: spanIdOf(1), name: "op", kind: 2, start: NOW_NS, end: NOW_NS + 5_000_000n, status: { code: 2 } });
    expect((await app.postJson("/v1/traces", otlpRequest("svc", [span]))).status).toBe(200);
  });

  it.each([
    ["/tempo/api/status/buildinfo", "/tempo/api/status/buildinfo"],
    ["/tempo/api/search", `/tempo/api/search?q=${encodeURIComponent("{ status = error }")}`],
    ["/tempo/api/search", `/tempo/api/search?tags=${encodeURIComponent("service.name=svc")}`],
    ["/tempo/api/search/tags", "/tempo/api/search/tags"],
    ["/tempo/api/v2/search/tags", "/tempo/api/v2/search/tags"],
    ["/tempo/api/search/tag/{tag}/values", "/tempo/api/search/tag/service.name/values"],
    ["/tempo/api/v2/search/tag/{tag}/values", "/tempo/api/v2/search/tag/status/values"],
    ["/tempo/api/traces/{traceID}", `/tempo/api/traces/${traceId}`],
    ["/tempo/api/v2/traces/{traceID}", `/tempo/api/v2/traces/${traceId}`],
    ["/tempo/api/v2/traces/{traceID}", `/tempo/api/v2/traces/${traceId}?q=${encodeURIComponent("{ name = \"none\" }")}`],
    ["/tempo/api/v2/traces/{traceID}", `/tempo/api/v2/traces/${"ab".repeat(16)}`],
  ])("%s: %s", async (template, path) => {
    const answer = await app.send(path);
    expect(answer.status).toBe(200);
    const checked = documentedAnswer("GET", template, 200).safeParse(answer.json());
    expect(checked.error?.issues ?? []).toEqual([]);
  });

  it("echo_and_errors_are_documented_as_text", async () => {
    const echo = operation("GET", "/tempo/api/echo").responses[200];
    expect("content" in echo && Object.keys(echo.content ?? {})).toEqual(["text/plain"]);
    const notFound = operation("GET", "/tempo/api/traces/{traceID}").responses[404];
    expect("content" in notFound && Object.keys(notFound.content ?? {})).toEqual(["text/plain"]);
  });
});

describe("a parameter the route refuses is one the document refuses", () => {
  const parameter = operation("POST", "/api/tracing/cleanup").parameters?.find((p) => p.name === "max_age_seconds");
  const documented = documentedSchema(parameter?.schema);

  it.each([
    ["notANumber", "abc", false],
    ["negative", "-5", false],
    ["fraction", "1.5", false],
    ["empty", "", false],
    ["twentyDigits", "99999999999999999999", false],
    ["zero", "0", true],
    ["aDay", "86400", true],
    ["maxSafeInteger", String(Number.MAX_SAFE_INTEGER), true],
  ])("max_age_seconds_%s", async (_name, value, valid) => {
    expect(documented.safeParse(value).success).toBe(valid);
    const answer = await app.send(`/api/tracing/cleanup?max_age_seconds=${encodeURIComponent(value)}`, { method: "POST" });
    expect(answer.status).toBe(valid ? 200 : 400);
    if (!valid) expect(answer.json()).toMatchObject({ error: { details: [{ path: "max_age_seconds" }] } });
  });
});

describe("the trace comparison's answers match the document", () => {
  const [a, b] = [newTraceId(), newTraceId()];
  beforeAll(async () => {
    for (const [traceId, ms] of [[a, 5n], [b, 9n]] as const) {
      const root = otlpSpan({ traceId, spanId: spanIdOf(1), name: "op", start: NOW_NS, end: NOW_NS + ms * 1_000_000n });
      const child = otlpSpan({ traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: traceId === a ? "old" : "new", start: NOW_NS, end: NOW_NS + 1_000_000n });
      expect((await app.postJson("/v1/traces", otlpRequest("svc", [root, child]))).status).toBe(200);
    }
  });

  it.each([
    ["compared", () => `/api/tracing/compare?a=${a}&b=${b}`, 200],
    ["unknownB", () => `/api/tracing/compare?a=${a}&b=${newTraceId()}`, 404],
    ["malformed", () => `/api/tracing/compare?a=${a}&b=nope`, 400],
  ])("%s", async (_name, path, status) => {
    const answer = await app.send(path());
    expect(answer.status).toBe(status);
    const checked = documentedAnswer("GET", "/api/tracing/compare", status).safeParse(answer.json());
    expect(checked.error?.issues ?? []).toEqual([]);
  });
});
