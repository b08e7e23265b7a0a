import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RouteModule } from "../support/route-server";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf, startTestApp, traceparentOf, type AppModules, type StoredSpan, type TestApp } from "../support/test-app";

/**
 * The app traces its own /api/tracing/* routes under service `traceboard`, through the
 * in-process exporter into its own store; ingest routes propagate but record nothing.
 */

const PARENT_ID = "b7ad6b7169203331";

/** Handlers that exist only here, wrapped by the app's own withTracing. */
function probeRoutes({ withTracing, getDb }: AppModules): Record<string, RouteModule> {
  return {
    "/api/tracing/boom": {
      GET: withTracing(
        () => {
          throw new TypeError("boom: cannot read the cart");
        },
        { route: "/api/tracing/boom" },
      ),
    },
    "/api/tracing/count": {
      GET: withTracing(async () => Response.json({ spans: await getDb().span.count() }), { route: "/api/tracing/count" }),
    },
    "/api/tracing/unavailable": {
      GET: withTracing(() => Response.json({ error: "down" }, { status: 503 }), { route: "/api/tracing/unavailable" }),
    },
    "/api/tracing/missing": {
      GET: withTracing(() => Response.json({ error: "nope" }, { status: 404 }), { route: "/api/tracing/missing" }),
    },
  };
}

/** The response's traceparent, split; `sampled` is the flags' low bit (0x02, random trace id, may be set too). */
function responseTrace(header: string | string[] | undefined) {
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(String(header));
  expect(match, `traceparent ${String(header)}`).not.toBeNull();
  return { traceId: match![1], spanId: match![2], sampled: (parseInt(match![3], 16) & 1) === 1 };
}

function only(spans: StoredSpan[]): StoredSpan {
  expect(spans).toHaveLength(1);
  return spans[0];
}

describe("self-tracing of API routes", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ extraRoutes: probeRoutes });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("statisticsRequest_serverSpanUnderTraceboard_withHttpAttributes_continuesIncomingTrace", async () => {
    const traceId = newTraceId();
    const before = BigInt(Date.now()) * 1_000_000n;
    const answer = await app.send("/api/tracing/statistics", { headers: { traceparent: traceparentOf(traceId, PARENT_ID), "user-agent": "api-test/1.0" } });
    const after = BigInt(Date.now()) * 1_000_000n;
    expect(answer.status).toBe(200);
    const served = responseTrace(answer.headers.traceparent);
    expect([served.traceId, served.sampled]).toEqual([traceId, true]);
    expect(answer.headers["x-trace-id"]).toBe(traceId);

    await app.flushSelfSpans();
    const span = only(await app.spans({ traceId }));
    expect(span).toMatchObject({
      name: "GET /api/tracing/statistics",
      kind: 2,
      serviceName: "traceboard",
      spanId: served.spanId,
      parentSpanId: PARENT_ID,
      statusCode: 0,
      scopeName: "traceboard",
      events: [],
    });
    expect(span.attributes).toEqual({
      "http.request.method": "GET",
      "http.route": "/api/tracing/statistics",
      "url.path": "/api/tracing/statistics",
      "url.scheme": "http",
      // NextURL reports loopback addresses as localhost.
      "server.address": "localhost",
      "server.port": Number(new URL(app.url).port),
      "user_agent.original": "api-test/1.0",
      "network.protocol.name": "http",
      "http.response.status_code": 200,
    });
    expect(span.resourceAttributes).toMatchObject({ "service.name": "traceboard", "telemetry.sdk.language": "nodejs" });
    // Wall-clock nanoseconds around the request (the app's clock is Date.now() at load plus hrtime).
    expect(span.startTimeNs).toBeGreaterThanOrEqual(before - 50_000_000n);
    expect(span.endTimeNs).toBeGreaterThanOrEqual(span.startTimeNs);
    expect(span.endTimeNs).toBeLessThanOrEqual(after + 50_000_000n);
  });

  it.each([
    ["GET", "/api/tracing/context", "GET /api/tracing/context", 200],
    ["POST", "/api/tracing/cleanup?max_age_seconds=999999999", "POST /api/tracing/cleanup", 200],
    ["GET", "/api/tracing/missing", "GET /api/tracing/missing", 404],
  ])("%s %s: one server span named %s, status code attribute %i, status unset", async (method, path, name, status) => {
    const traceId = newTraceId();
    const answer = await app.send(path, { method, headers: { traceparent: traceparentOf(traceId, PARENT_ID) } });
    expect(answer.status).toBe(status);
    await app.flushSelfSpans();
    // Routes that write to the database also have CLIENT children (cleanup appends its audit event).
    const span = only((await app.spans({ traceId })).filter((stored) => stored.kind === 2));
    expect([span.name, span.kind, span.serviceName, span.parentSpanId, span.statusCode]).toEqual([name, 2, "traceboard", PARENT_ID, 0]);
    expect(span.attributes).toMatchObject({ "http.request.method": method, "url.path": new URL(path, app.url).pathname, "http.response.status_code": status });
  });

  it("handlerThrows_500_spanStatusErrorWithExceptionEvent", async () => {
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const traceId = newTraceId();
    const answer = await app.send("/api/tracing/boom", { headers: { traceparent: traceparentOf(traceId, PARENT_ID) } });
    errorLog.mockRestore();
    expect(answer.status).toBe(500);
    expect(answer.json()).toEqual({ error: { code: "internal", message: "Internal server error" } });

    await app.flushSelfSpans();
    const span = only(await app.spans({ traceId }));
    expect([span.name, span.statusCode, span.statusMessage]).toEqual(["GET /api/tracing/boom", 2, "HTTP 500"]);
    expect(span.attributes).toMatchObject({ "http.response.status_code": 500, "error.type": "500" });
    expect(span.events).toEqual([
      {
        name: "exception",
        timeNs: expect.stringMatching(/^\d{19}$/),
        attributes: {
          "exception.type": "TypeError",
          "exception.message": "boom: cannot read the cart",
          "exception.stacktrace": expect.stringContaining("TypeError: boom: cannot read the cart"),
        },
      },
    ]);
    const eventNs = BigInt(span.events[0].timeNs);
    expect(eventNs >= span.startTimeNs && eventNs <= span.endTimeNs).toBe(true);
  });

  it("handlerAnswers503_spanStatusErrorWithoutExceptionEvent", async () => {
    const traceId = newTraceId();
    expect((await app.send("/api/tracing/unavailable", { headers: { traceparent: traceparentOf(traceId, PARENT_ID) } })).status).toBe(503);
    await app.flushSelfSpans();
    const span = only(await app.spans({ traceId }));
    expect([span.statusCode, span.statusMessage, span.events]).toEqual([2, "HTTP 503", []]);
  });

  it("prismaQuery_clientChildSpanUnderTheServerSpan", async () => {
    const traceId = newTraceId();
    const answer = await app.send("/api/tracing/count", { headers: { traceparent: traceparentOf(traceId, PARENT_ID) } });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ spans: expect.any(Number) });
    await app.flushSelfSpans();
    const spans = await app.spans({ traceId });
    const server = only(spans.filter((span) => span.kind === 2));
    const query = only(spans.filter((span) => span.kind === 3));
    expect(spans).toHaveLength(2);
    expect(server).toMatchObject({ name: "GET /api/tracing/count", parentSpanId: PARENT_ID, spanId: responseTrace(answer.headers.traceparent).spanId });
    expect(query).toMatchObject({ name: "count Span", serviceName: "traceboard", parentSpanId: server.spanId, statusCode: 0 });
    expect(query.attributes).toEqual({ "db.system.name": "sqlite", "db.operation.name": "count", "db.collection.name": "Span" });
    expect(query.startTimeNs >= server.startTimeNs && query.endTimeNs <= server.endTimeNs).toBe(true);
  });

  it("queryOutsideARequest_recordsNoSpan", async () => {
    const before = (await app.spans({ serviceName: "traceboard" })).length;
    await app.modules.getDb().trace.count();
    await app.flushSelfSpans();
    expect(await app.spans({ serviceName: "traceboard" })).toHaveLength(before);
  });

  it.each([
    ["otlp", "/v1/traces", (data: string) => otlpRequest("shop", [otlpSpan({ traceId: data, spanId: spanIdOf(1), name: "op", start: 1n, end: 2n })])],
    ["zipkin", "/api/v2/spans", (data: string) => [{ traceId: data, id: spanIdOf(1), name: "op", timestamp: 1735787045000000, duration: 1 }]],
    ["native", "/api/tracing/spans", (data: string) => ({ spans: [{ name: "op", trace_id: data, span_id: spanIdOf(1), start_time: 1735787045000, end_time: 1735787045001 }] })],
  ])("ingestRoute_%s_propagatesButRecordsNoSelfSpan", async (_name, path, document) => {
    const requestTrace = newTraceId();
    const dataTrace = newTraceId();
    const answer = await app.postJson(path, document(dataTrace), { traceparent: traceparentOf(requestTrace, PARENT_ID) });
    expect(answer.status).toBeLessThan(300);
    expect(responseTrace(answer.headers.traceparent).traceId).toBe(requestTrace);
    await app.flushSelfSpans();
    expect(await app.spans({ traceId: dataTrace })).toHaveLength(1);
    expect(await app.spans({ traceId: requestTrace })).toEqual([]);
    expect(await app.spans({ name: `POST ${path}` })).toEqual([]);
  });

  it("incomingUnsampled00_recordsNothing_flagPropagated", async () => {
    const traceId = newTraceId();
    const answer = await app.send("/api/tracing/count", { headers: { traceparent: traceparentOf(traceId, PARENT_ID, false) } });
    expect(answer.status).toBe(200);
    expect(responseTrace(answer.headers.traceparent)).toMatchObject({ traceId, sampled: false });
    await app.flushSelfSpans();
    expect(await app.spans({ traceId })).toEqual([]);
  });

  it("noIncomingTrace_newSampledTraceRecorded_asRoot", async () => {
    const answer = await app.send("/api/tracing/context");
    const served = responseTrace(answer.headers.traceparent);
    expect(served.sampled).toBe(true);
    await app.flushSelfSpans();
    const span = only(await app.spans({ traceId: served.traceId }));
    expect([span.spanId, span.parentSpanId, span.name]).toEqual([served.spanId, null, "GET /api/tracing/context"]);
    expect((await app.traceSummary(served.traceId)).trace).toMatchObject({ rootService: "traceboard", rootName: "GET /api/tracing/context", hasRoot: true, spanCount: 1 });
  });
});

describe("self-tracing with TRACE_SAMPLE_RATIO=0", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACE_SAMPLE_RATIO: "0" } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("newTrace_notSampled_recordsNothing", async () => {
    const answer = await app.send("/api/tracing/context");
    const served = responseTrace(answer.headers.traceparent);
    expect(served.sampled).toBe(false);
    await app.flushSelfSpans();
    expect(await app.spans({ traceId: served.traceId })).toEqual([]);
  });

  it("incomingSampled01_stillRecorded_parentBased", async () => {
    const traceId = newTraceId();
    await app.send("/api/tracing/context", { headers: { traceparent: traceparentOf(traceId, PARENT_ID) } });
    await app.flushSelfSpans();
    expect(only(await app.spans({ traceId })).name).toBe("GET /api/tracing/context");
  });
});
