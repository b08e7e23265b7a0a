import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeProtobufStatus, encodeProtobufRequest, otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf, startTestApp, type SendOptions, type TestApp } from "../support/test-app";

/** TRACEBOARD_INGEST_TOKEN guards every ingest route; TRACEBOARD_ADMIN_TOKEN guards cleanup. */

const INGEST_TOKEN = "ingest-s3cret-token";
const ADMIN_TOKEN = "admin-0ther-token";
const T0 = 1_735_787_045_000_000_000n;

/** One request per ingest route, carrying one span of `traceId`. */
const ROUTES: Array<{ name: string; path: string; accepted: number; request: (traceId: string) => SendOptions }> = [
  {
    name: "otlpJson",
    path: "/v1/traces",
    accepted: 200,
    request: (traceId) => ({
      body: JSON.stringify(otlpRequest("auth", [otlpSpan({ traceId, spanId: spanIdOf(1), name: "op", start: T0, end: T0 + 1n })])),
      headers: { "content-type": "application/json" },
    }),
  },
  {
    name: "otlpProtobuf",
    path: "/v1/traces",
    accepted: 200,
    request: (traceId) => ({
      body: encodeProtobufRequest(otlpRequest("auth", [otlpSpan({ traceId, spanId: spanIdOf(1), name: "op", start: T0, end: T0 + 1n })])),
      headers: { "content-type": "application/x-protobuf" },
    }),
  },
  {
    name: "zipkin",
    path: "/api/v2/spans",
    accepted: 202,
    request: (traceId) => ({
      body: JSON.stringify([{ traceId, id: spanIdOf(1), name: "op", timestamp: 1735787045000000, duration: 1, localEndpoint: { serviceName: "auth" } }]),
      headers: { "content-type": "application/json" },
    }),
  },
  {
    name: "native",
    path: "/api/tracing/spans",
    accepted: 202,
    request: (traceId) => ({
      body: JSON.stringify({ service_name: "auth", spans: [{ name: "op", trace_id: traceId, span_id: spanIdOf(1), start_time: 1735787045000, end_time: 1735787045001 }] }),
      headers: { "content-type": "application/json" },
    }),
  },
];

const WRONG_CREDENTIALS: Array<[string, Record<string, string>]> = [
  ["noAuthorization", {}],
  ["wrongToken", { authorization: "Bearer not-the-token" }],
  ["tokenPrefixOnly", { authorization: `Bearer ${INGEST_TOKEN.slice(0, -1)}` }],
  ["basicScheme", { authorization: `Basic ${Buffer.from(`x:${INGEST_TOKEN}`).toString("base64")}` }],
  ["adminTokenForIngest", { authorization: `Bearer ${ADMIN_TOKEN}` }],
];

describe("auth with TRACEBOARD_INGEST_TOKEN and TRACEBOARD_ADMIN_TOKEN set", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_INGEST_TOKEN: INGEST_TOKEN, TRACEBOARD_ADMIN_TOKEN: ADMIN_TOKEN } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const refusedRows = ROUTES.flatMap((route) => WRONG_CREDENTIALS.map(([credential, headers]) => ({ ...route, credential, headers })));

  it.each(refusedRows)("$name $credential: 401 with WWW-Authenticate, nothing stored", async ({ name, path, request, headers }) => {
    const traceId = newTraceId();
    const options = request(traceId);
    const answer = await app.send(path, { ...options, headers: { ...options.headers, ...headers } });
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toBe('Bearer realm="traceboard-ingest"');
    if (name === "otlpJson") expect(answer.json()).toEqual({ code: 16, message: expect.stringMatching(/TRACEBOARD_INGEST_TOKEN/) });
    else if (name === "otlpProtobuf") expect(decodeProtobufStatus(answer.body)).toEqual({ code: 16, message: expect.stringMatching(/bearer token/) });
    else expect(answer.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(await app.spans({ traceId })).toHaveLength(0);
  });

  it.each(ROUTES)("$name rightToken: accepted and stored", async ({ path, accepted, request }) => {
    const traceId = newTraceId();
    const options = request(traceId);
    const answer = await app.send(path, { ...options, headers: { ...options.headers, authorization: `Bearer ${INGEST_TOKEN}` } });
    expect(answer.status).toBe(accepted);
    expect(await app.spans({ traceId })).toHaveLength(1);
  });

  it("otlp rightToken_lowercaseScheme: accepted", async () => {
    const { path, request } = ROUTES[0];
    const options = request(newTraceId());
    const answer = await app.send(path, { ...options, headers: { ...options.headers, authorization: `bearer ${INGEST_TOKEN}` } });
    expect(answer.status).toBe(200);
  });

  it.each<[string, Record<string, string>]>([
    ["noAuthorization", {}],
    ["wrongToken", { authorization: "Bearer nope" }],
    ["ingestTokenForAdmin", { authorization: `Bearer ${INGEST_TOKEN}` }],
  ])("cleanup %s: 401 with WWW-Authenticate, nothing deleted", async (_name, headers) => {
    const traceId = newTraceId();
    expect((await app.send(ROUTES[0].path, { ...ROUTES[0].request(traceId), headers: { "content-type": "application/json", authorization: `Bearer ${INGEST_TOKEN}` } })).status).toBe(200);
    const answer = await app.send("/api/tracing/cleanup?max_age_seconds=0", { method: "POST", headers });
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toBe('Bearer realm="traceboard-admin"');
    expect(answer.json()).toMatchObject({ error: { code: "unauthorized", message: expect.stringMatching(/TRACEBOARD_ADMIN_TOKEN/) } });
    expect(await app.spans({ traceId })).toHaveLength(1);
  });

  it("cleanup adminToken: runs", async () => {
    const answer = await app.send("/api/tracing/cleanup?max_age_seconds=0", { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ maxAgeSeconds: 0, deletedSpans: expect.any(Number) });
    expect(await app.spans({ serviceName: "auth" })).toEqual([]);
  });
});

describe("without tokens", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(ROUTES)("$name: open, no Authorization needed", async ({ path, accepted, request }) => {
    expect((await app.send(path, request(newTraceId()))).status).toBe(accepted);
  });

  it("cleanup: open", async () => {
    expect((await app.send("/api/tracing/cleanup?max_age_seconds=60", { method: "POST" })).status).toBe(200);
  });
});
