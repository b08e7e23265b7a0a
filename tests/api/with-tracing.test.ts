import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TraceContext } from "@/lib/trace-context";
import { parseTraceparent } from "@/lib/trace-context/traceparent";
import {
  LOWER_HEX_16,
  LOWER_HEX_32,
  OTHER_TRACE_ID,
  SPAN_ID,
  TRACE_ID,
  traceparent,
  VALID_TRACEPARENT,
} from "../unit/trace-context/fixtures";

const TRACING_ENV = [
  "TRACE_SAMPLE_RATIO",
  "TRACEBOARD_PROPAGATION_EXCLUDE",
  "TRACEBOARD_CORS_ORIGINS",
  "TRACEBOARD_TRACING",
  "TRACEBOARD_PROPAGATION_TEST",
] as const;
type TracingEnv = Partial<Record<(typeof TRACING_ENV)[number], string>>;

const ALLOWED_ORIGIN = "https://app.example.test";
const API_URL = "http://localhost/api/tracing/x";

/**
 * Fresh modules under `env`: tracingConfig() caches the environment on first use, so
 * every scenario re-imports the wrapper (and the context store it shares) after stubbing.
 */
async function load(env: TracingEnv = {}) {
  vi.resetModules();
  for (const key of TRACING_ENV) vi.stubEnv(key, env[key]);
  const { withTracing } = await import("@/lib/tracing/with-tracing");
  const { currentTraceContext } = await import("@/lib/tracing/context");
  return { withTracing, currentTraceContext };
}

function request(url = API_URL, headers: Record<string, string> = {}, init: { method?: string; body?: string } = {}) {
  return new NextRequest(url, { headers, ...init });
}

/** The response's traceparent, checked for form and for agreement with X-Trace-ID. */
function responseTrace(response: Response) {
  const value = response.headers.get("traceparent");
  expect(value).not.toBeNull();
  const parsed = parseTraceparent(value);
  expect(parsed).not.toBeNull();
  expect(response.headers.get("x-trace-id")).toBe(parsed!.traceId);
  return parsed!;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("withTracing: trace headers on the response", () => {
  it("noIncomingTrace_newTrace_traceparentAndXTraceIdAgree", async () => {
    const { withTracing } = await load();
    const response = await withTracing(() => Response.json({ ok: true }))(request(), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const tp = responseTrace(response);
    expect(tp.traceId).toMatch(LOWER_HEX_32);
    expect(tp.spanId).toMatch(LOWER_HEX_16);
    expect(response.headers.get("Access-Control-Expose-Headers")).toBe("traceparent, X-Trace-ID");
  });

  it.each<[string, Record<string, string>, string]>([
    ["validTraceparent_continued", { traceparent: VALID_TRACEPARENT }, TRACE_ID],
    ["traceparentWinsOverXTraceId", { traceparent: VALID_TRACEPARENT, "x-trace-id": OTHER_TRACE_ID }, TRACE_ID],
    ["xTraceIdOnly_adopted", { "x-trace-id": OTHER_TRACE_ID }, OTHER_TRACE_ID],
  ])("%s", async (_name, headers, traceId) => {
    const { withTracing } = await load();
    const response = await withTracing(() => new Response("ok"))(request(API_URL, headers), undefined);
    const tp = responseTrace(response);
    expect(tp.traceId).toBe(traceId);
    expect(tp.spanId).not.toBe(SPAN_ID);
  });

  it("malformedTraceparent_freshTrace_stillServed", async () => {
    const { withTracing } = await load();
    const bad = traceparent({ traceId: TRACE_ID.toUpperCase() });
    const response = await withTracing(() => new Response("ok"))(request(API_URL, { traceparent: bad }), undefined);
    expect(response.status).toBe(200);
    expect(responseTrace(response).traceId).not.toBe(TRACE_ID);
  });

  it("keepsHandlerStatusBodyAndHeaders", async () => {
    const { withTracing } = await load();
    const handler = withTracing(() =>
      Response.json({ created: 1 }, { status: 201, headers: { "Cache-Control": "no-store", "X-Custom": "1" } }),
    );
    const response = await handler(request(API_URL, { traceparent: VALID_TRACEPARENT }), undefined);
    expect(response.status).toBe(201);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Custom")).toBe("1");
    expect(await response.json()).toEqual({ created: 1 });
    expect(responseTrace(response).traceId).toBe(TRACE_ID);
  });

  it("handlerTraceparentOnResponse_overwrittenWithServerSpan", async () => {
    const { withTracing, currentTraceContext } = await load();
    let seen: TraceContext | undefined;
    const handler = withTracing(() => {
      seen = currentTraceContext();
      return new Response("ok", { headers: { traceparent: traceparent({ traceId: OTHER_TRACE_ID }) } });
    });
    const response = await handler(request(API_URL, { traceparent: VALID_TRACEPARENT }), undefined);
    expect(response.headers.get("traceparent")).not.toContain(",");
    expect(responseTrace(response).spanId).toBe(seen!.spanId);
  });

  it("routeArgumentPassedThrough", async () => {
    const { withTracing } = await load();
    const route = { params: Promise.resolve({ id: "abc" }) };
    const handler = withTracing<typeof route>(async (_request, r) => Response.json(await r.params));
    expect(await (await handler(request(), route)).json()).toEqual({ id: "abc" });
  });
});

describe("withTracing: what the handler sees", () => {
  it("currentContextMatchesResponseHeaders", async () => {
    const { withTracing, currentTraceContext } = await load();
    let seen: TraceContext | undefined;
    const handler = withTracing(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen = currentTraceContext();
      return new Response("ok");
    });
    const response = await handler(request(API_URL, { traceparent: VALID_TRACEPARENT, tracestate: "foo=1" }), undefined);
    expect(seen).toBeDefined();
    expect(seen!.traceId).toBe(TRACE_ID);
    expect(seen!.parentSpanId).toBe(SPAN_ID);
    expect(seen!.traceState?.serialize()).toBe("foo=1");
    const tp = responseTrace(response);
    expect(tp.traceId).toBe(seen!.traceId);
    expect(tp.spanId).toBe(seen!.spanId);
  });

  it("noCurrentContextOutsideHandler", async () => {
    const { withTracing, currentTraceContext } = await load();
    await withTracing(() => new Response("ok"))(request(), undefined);
    expect(currentTraceContext()).toBeUndefined();
  });

  it("concurrentRequests_eachSeesItsOwnContext", async () => {
    const { withTracing, currentTraceContext } = await load();
    const handler = withTracing(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return Response.json({ traceId: currentTraceContext()?.traceId });
    });
    const [a, b] = await Promise.all([
      handler(request(API_URL, { traceparent: VALID_TRACEPARENT }), undefined),
      handler(request(API_URL, { "x-trace-id": OTHER_TRACE_ID }), undefined),
    ]);
    expect(await a.json()).toEqual({ traceId: TRACE_ID });
    expect(await b.json()).toEqual({ traceId: OTHER_TRACE_ID });
  });

  it("requestHeadersRewrittenWithServerSpan", async () => {
    const { withTracing, currentTraceContext } = await load();
    let seen: { traceparent: string | null; tracestate: string | null; xTraceId: string | null; accept: string | null } | undefined;
    let ctx: TraceContext | undefined;
    const handler = withTracing((req) => {
      ctx = currentTraceContext();
      seen = {
        traceparent: req.headers.get("traceparent"),
        tracestate: req.headers.get("tracestate"),
        xTraceId: req.headers.get("x-trace-id"),
        accept: req.headers.get("accept"),
      };
      return new Response("ok");
    });
    await handler(
      request(API_URL, { traceparent: VALID_TRACEPARENT, tracestate: "foo=1,bar=2", "x-trace-id": OTHER_TRACE_ID, accept: "text/plain" }),
      undefined,
    );
    expect(seen).toEqual({
      traceparent: `00-${TRACE_ID}-${ctx!.spanId}-01`,
      tracestate: "foo=1,bar=2",
      xTraceId: TRACE_ID,
      accept: "text/plain",
    });
    expect(ctx!.spanId).not.toBe(SPAN_ID);
  });

  it("requestBodyAndMethodReachHandler", async () => {
    const { withTracing } = await load();
    const handler = withTracing(async (req) => Response.json({ method: req.method, body: await req.text() }));
    const response = await handler(request(API_URL, {}, { method: "POST", body: '{"a":1}' }), undefined);
    expect(await response.json()).toEqual({ method: "POST", body: '{"a":1}' });
  });

  it("immutableRequestHeaders_handlerGetsPropagatedCopy", async () => {
    const { withTracing, currentTraceContext } = await load();
    const incoming = request(API_URL, { traceparent: VALID_TRACEPARENT, accept: "text/plain" }, { method: "POST", body: "payload" });
    // Requests whose headers are immutable throw on set, as the Fetch spec's "immutable" guard does.
    const throwImmutable = () => {
      throw new TypeError("immutable");
    };
    incoming.headers.set = throwImmutable;
    incoming.headers.delete = throwImmutable;
    let ctx: TraceContext | undefined;
    const handler = withTracing(async (req) => {
      ctx = currentTraceContext();
      return Response.json({
        traceparent: req.headers.get("traceparent"),
        xTraceId: req.headers.get("x-trace-id"),
        accept: req.headers.get("accept"),
        method: req.method,
        body: await req.text(),
        pathname: req.nextUrl.pathname,
      });
    });
    const response = await handler(incoming, undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      traceparent: `00-${TRACE_ID}-${ctx!.spanId}-01`,
      xTraceId: TRACE_ID,
      accept: "text/plain",
      method: "POST",
      body: "payload",
      pathname: "/api/tracing/x",
    });
    expect(incoming.headers.get("traceparent")).toBe(VALID_TRACEPARENT);
  });
});

describe("withTracing: errors and immutable responses", () => {
  it.each<[string, () => Response | Promise<Response>]>([
    [
      "syncThrow",
      () => {
        throw new Error("db password is hunter2");
      },
    ],
    [
      "asyncReject",
      async () => {
        await Promise.resolve();
        throw new Error("db password is hunter2");
      },
    ],
  ])("%s_500WithTraceHeaders_noLeak", async (_name, impl) => {
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const { withTracing } = await load({ TRACEBOARD_CORS_ORIGINS: ALLOWED_ORIGIN });
    const response = await withTracing(impl)(
      request(API_URL, { traceparent: VALID_TRACEPARENT, origin: ALLOWED_ORIGIN }),
      undefined,
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "Internal server error" } });
    expect(text).not.toContain("hunter2");
    const tp = responseTrace(response);
    expect(tp.traceId).toBe(TRACE_ID);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED_ORIGIN);
    for (const header of response.headers.values()) expect(header).not.toContain("hunter2");
    // The log line names the trace so the 500 can be found.
    expect(errorLog).toHaveBeenCalledTimes(1);
    expect(String(errorLog.mock.calls[0][0])).toContain(`trace=${TRACE_ID}`);
  });

  it("redirectResponse_immutableHeaders_stillStamped", async () => {
    const { withTracing } = await load({ TRACEBOARD_CORS_ORIGINS: ALLOWED_ORIGIN });
    const redirect = Response.redirect("http://localhost/x", 302);
    expect(() => redirect.headers.set("x-probe", "1")).toThrow(TypeError);
    const response = await withTracing(() => redirect)(
      request(API_URL, { traceparent: VALID_TRACEPARENT, origin: ALLOWED_ORIGIN }),
      undefined,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost/x");
    expect(responseTrace(response).traceId).toBe(TRACE_ID);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("Access-Control-Expose-Headers")).toBe("traceparent, X-Trace-ID");
  });

  it("fetchedResponse_immutableHeaders_bodyAndStatusKept", async () => {
    const { withTracing } = await load();
    // A Response whose headers refuse changes, like one returned by fetch().
    const upstream = new Response("upstream body", { status: 418, statusText: "Teapot", headers: { "x-upstream": "1" } });
    upstream.headers.set = () => {
      throw new TypeError("immutable");
    };
    const response = await withTracing(() => upstream)(request(API_URL, { traceparent: VALID_TRACEPARENT }), undefined);
    expect(response.status).toBe(418);
    expect(response.statusText).toBe("Teapot");
    expect(response.headers.get("x-upstream")).toBe("1");
    expect(await response.text()).toBe("upstream body");
    expect(responseTrace(response).traceId).toBe(TRACE_ID);
  });
});

describe("withTracing: when no trace headers are added", () => {
  it.each<[string, TracingEnv, string]>([
    ["defaultExclude_health", {}, "http://localhost/api/health"],
    ["defaultExclude_healthChild", {}, "http://localhost/api/health/db"],
    ["customExclude", { TRACEBOARD_PROPAGATION_EXCLUDE: "/api/tracing/" }, API_URL],
    ["tracingOff", { TRACEBOARD_TRACING: "0" }, API_URL],
  ])("%s", async (_name, env, url) => {
    const { withTracing, currentTraceContext } = await load(env);
    const incoming = request(url, { traceparent: VALID_TRACEPARENT });
    let seenRequest: NextRequest | undefined;
    let seenContext: TraceContext | undefined;
    const handler = withTracing((req) => {
      seenRequest = req;
      seenContext = currentTraceContext();
      return Response.json({ ok: true });
    });
    const response = await handler(incoming, undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("traceparent")).toBeNull();
    expect(response.headers.get("x-trace-id")).toBeNull();
    expect(seenContext).toBeUndefined();
    expect(seenRequest).toBe(incoming);
    expect(seenRequest!.headers.get("traceparent")).toBe(VALID_TRACEPARENT);
  });

  it.each<[string, TracingEnv, string]>([
    ["siblingOfExcluded", {}, "http://localhost/api/healthz"],
    ["nothingExcluded_health", { TRACEBOARD_PROPAGATION_EXCLUDE: "" }, "http://localhost/api/health"],
    ["tracingOnExplicitly", { TRACEBOARD_TRACING: "1" }, API_URL],
  ])("%s_traced", async (_name, env, url) => {
    const { withTracing } = await load(env);
    const response = await withTracing(() => new Response("ok"))(request(url, { traceparent: VALID_TRACEPARENT }), undefined);
    expect(responseTrace(response).traceId).toBe(TRACE_ID);
  });
});

describe("withTracing: CORS", () => {
  it.each<[string, TracingEnv, string | undefined, string | null]>([
    ["allowedOrigin_echoed", { TRACEBOARD_CORS_ORIGINS: `${ALLOWED_ORIGIN},http://localhost:3001` }, ALLOWED_ORIGIN, ALLOWED_ORIGIN],
    ["wildcard_echoesOrigin", { TRACEBOARD_CORS_ORIGINS: "*" }, "https://any.test", "https://any.test"],
    ["otherOrigin_notEchoed", { TRACEBOARD_CORS_ORIGINS: ALLOWED_ORIGIN }, "https://evil.test", null],
    ["noOriginsConfigured", {}, ALLOWED_ORIGIN, null],
    ["sameOriginRequest_noOriginHeader", { TRACEBOARD_CORS_ORIGINS: ALLOWED_ORIGIN }, undefined, null],
  ])("%s", async (_name, env, origin, expected) => {
    const { withTracing } = await load(env);
    const headers: Record<string, string> = origin ? { origin } : {};
    const response = await withTracing(() => new Response("ok"))(request(API_URL, headers), undefined);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(expected);
    expect(response.headers.get("Vary")).toBe(expected ? "Origin" : null);
    expect(response.headers.get("Access-Control-Expose-Headers")).toBe("traceparent, X-Trace-ID");
    responseTrace(response);
  });

  // README: TRACEBOARD_PROPAGATION_EXCLUDE paths "get no trace headers"; TRACEBOARD_CORS_ORIGINS
  // are "origins allowed to call the API from a browser". Excluding a path from propagation
  // should not lock allowed origins out of it.
  it("excludedPath_allowedOrigin_stillGetsAllowOrigin", async () => {
    const { withTracing } = await load({ TRACEBOARD_CORS_ORIGINS: ALLOWED_ORIGIN });
    const response = await withTracing(() => Response.json({ status: "ok" }))(
      request("http://localhost/api/health", { origin: ALLOWED_ORIGIN }),
      undefined,
    );
    expect(response.headers.get("traceparent")).toBeNull();
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED_ORIGIN);
  });
});
