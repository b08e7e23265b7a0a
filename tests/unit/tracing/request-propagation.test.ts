import { describe, expect, it } from "vitest";
import { loadTracingConfig } from "@/lib/config/tracing-config";
import type { TraceContext } from "@/lib/trace-context";
import { TraceFlags } from "@/lib/trace-context/trace-flags";
import { formatTraceparent } from "@/lib/trace-context/traceparent";
import { TraceState } from "@/lib/trace-context/tracestate";
import { contextForRequest, forwardedRequestHeaders } from "@/lib/tracing/request-propagation";
import {
  LOWER_HEX_16,
  LOWER_HEX_32,
  OTHER_SPAN_ID,
  OTHER_TRACE_ID,
  SPAN_ID,
  TRACE_ID,
  traceparent,
  VALID_TRACEPARENT,
} from "../trace-context/fixtures";

const DEFAULT_CONFIG = loadTracingConfig({});
const CUSTOM_EXCLUDE = loadTracingConfig({ TRACEBOARD_PROPAGATION_EXCLUDE: "/internal/, /metrics" });
const NO_EXCLUDE = loadTracingConfig({ TRACEBOARD_PROPAGATION_EXCLUDE: "" });

describe("contextForRequest", () => {
  it.each<[string, string, typeof DEFAULT_CONFIG]>([
    ["defaultHealth", "/api/health", DEFAULT_CONFIG],
    ["defaultHealthChild", "/api/health/db", DEFAULT_CONFIG],
    ["customPrefixWithSlash", "/internal/x", CUSTOM_EXCLUDE],
    ["customExact", "/metrics", CUSTOM_EXCLUDE],
  ])("excluded_%s_null", (_name, pathname, config) => {
    expect(contextForRequest(new Headers({ traceparent: VALID_TRACEPARENT }), pathname, config)).toBeNull();
  });

  it.each<[string, string, typeof DEFAULT_CONFIG]>([
    ["page", "/", DEFAULT_CONFIG],
    ["apiRoute", "/api/tracing/context", DEFAULT_CONFIG],
    ["siblingOfExcluded", "/api/healthz", DEFAULT_CONFIG],
    ["healthWhenNothingExcluded", "/api/health", NO_EXCLUDE],
    ["healthWhenCustomExclude", "/api/health", CUSTOM_EXCLUDE],
  ])("included_%s_continuesTraceparent", (_name, pathname, config) => {
    const ctx = contextForRequest(new Headers({ traceparent: VALID_TRACEPARENT }), pathname, config);
    expect(ctx).not.toBeNull();
    expect(ctx!.traceId).toBe(TRACE_ID);
    expect(ctx!.parentSpanId).toBe(SPAN_ID);
    expect(ctx!.spanId).toMatch(LOWER_HEX_16);
    expect(ctx!.spanId).not.toBe(SPAN_ID);
    expect(ctx!.traceFlags).toBe(TraceFlags.SAMPLED);
  });

  it("continuesTracestate", () => {
    const headers = new Headers({ traceparent: VALID_TRACEPARENT, tracestate: "foo=1,bar=2" });
    const ctx = contextForRequest(headers, "/", DEFAULT_CONFIG);
    expect(ctx!.traceState?.serialize()).toBe("foo=1,bar=2");
  });

  it("noTraceparent_startsNewRoot", () => {
    const ctx = contextForRequest(new Headers(), "/", DEFAULT_CONFIG);
    expect(ctx).not.toBeNull();
    expect(ctx!.traceId).toMatch(LOWER_HEX_32);
    expect(ctx!.parentSpanId).toBeUndefined();
    expect(ctx!.traceFlags & TraceFlags.SAMPLED).toBe(TraceFlags.SAMPLED);
  });

  it("invalidTraceparent_startsNewRoot", () => {
    const ctx = contextForRequest(new Headers({ traceparent: traceparent({ traceId: "0".repeat(32) }) }), "/", DEFAULT_CONFIG);
    expect(ctx!.traceId).toMatch(LOWER_HEX_32);
    expect(ctx!.traceId).not.toBe("0".repeat(32));
    expect(ctx!.parentSpanId).toBeUndefined();
  });

  it("sampleRatio0_newRootNotSampled", () => {
    const ctx = contextForRequest(new Headers(), "/", loadTracingConfig({ TRACE_SAMPLE_RATIO: "0" }));
    expect(ctx!.traceFlags & TraceFlags.SAMPLED).toBe(0);
  });
});

describe("forwardedRequestHeaders", () => {
  const CTX: TraceContext = {
    traceId: OTHER_TRACE_ID,
    spanId: OTHER_SPAN_ID,
    parentSpanId: SPAN_ID,
    traceFlags: TraceFlags.SAMPLED,
    traceState: TraceState.parse("foo=1")!,
  };

  it.each<[string, Record<string, string>]>([
    ["noPropagationHeaders", { accept: "application/json", cookie: "a=b" }],
    [
      "replacesIncomingPropagationHeaders",
      {
        accept: "application/json",
        cookie: "a=b",
        traceparent: VALID_TRACEPARENT,
        tracestate: "stale=1",
        "x-trace-id": TRACE_ID,
      },
    ],
  ])("%s", (_name, init) => {
    const incoming = new Headers(init);
    const forwarded = forwardedRequestHeaders(incoming, CTX);
    expect(forwarded.get("traceparent")).toBe(formatTraceparent(CTX));
    expect(forwarded.get("traceparent")).toBe(`00-${OTHER_TRACE_ID}-${OTHER_SPAN_ID}-01`);
    expect(forwarded.get("tracestate")).toBe("foo=1");
    expect(forwarded.get("x-trace-id")).toBe(OTHER_TRACE_ID);
    expect(forwarded.get("accept")).toBe("application/json");
    expect(forwarded.get("cookie")).toBe("a=b");
    // The incoming headers are left as they were.
    expect([...incoming.entries()]).toEqual([...new Headers(init).entries()]);
    expect(forwarded).not.toBe(incoming);
  });

  it("noTracestateInContext_dropsIncomingTracestate", () => {
    const ctx: TraceContext = { traceId: TRACE_ID, spanId: OTHER_SPAN_ID, traceFlags: TraceFlags.NONE };
    const forwarded = forwardedRequestHeaders(new Headers({ tracestate: "stale=1" }), ctx);
    expect(forwarded.get("tracestate")).toBeNull();
    expect(forwarded.get("traceparent")).toBe(`00-${TRACE_ID}-${OTHER_SPAN_ID}-00`);
    expect(forwarded.get("x-trace-id")).toBe(TRACE_ID);
  });
});
