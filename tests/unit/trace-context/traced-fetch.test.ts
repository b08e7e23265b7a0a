import { describe, expect, it } from "vitest";
import type { SpanContext } from "@/lib/trace-context/span-context";
import { TraceFlags } from "@/lib/trace-context/trace-flags";
import { createTracedFetch } from "@/lib/trace-context/traced-fetch";
import { parseTraceparent } from "@/lib/trace-context/traceparent";
import { TraceState } from "@/lib/trace-context/tracestate";
import { fakeFetch, LOWER_HEX_32, OTHER_SPAN_ID, OTHER_TRACE_ID, sentHeaders, SPAN_ID, TRACE_ID, traceparent } from "./fixtures";

const URL = "https://api.example.test/items";
const STALE = traceparent({ traceId: OTHER_TRACE_ID, spanId: OTHER_SPAN_ID });
const CURRENT: SpanContext = {
  traceId: TRACE_ID,
  spanId: SPAN_ID,
  traceFlags: TraceFlags.SAMPLED,
  traceState: TraceState.parse("foo=1,bar=2")!,
};

/** `current: null` means no context is active where fetch is called. */
function setup({ current = CURRENT as SpanContext | null, sampleRatio = 1 } = {}) {
  const fetchMock = fakeFetch();
  const tracedFetch = createTracedFetch({ currentContext: () => current ?? undefined, fetch: fetchMock, sampleRatio });
  return { fetchMock, tracedFetch };
}

/** The single traceparent sent on call `index`, parsed; fails if absent, repeated or invalid. */
function sentTraceparent(fetchMock: ReturnType<typeof fakeFetch>, index = 0) {
  const value = sentHeaders(fetchMock, index).get("traceparent");
  expect(value).not.toBeNull();
  expect(value).not.toContain(",");
  const parsed = parseTraceparent(value);
  expect(parsed).not.toBeNull();
  return parsed!;
}

describe("createTracedFetch under a current context", () => {
  it("each call gets a new span-id under the current trace-id", async () => {
    const { fetchMock, tracedFetch } = setup();
    await tracedFetch(URL);
    await tracedFetch(URL);
    const [first, second] = [sentTraceparent(fetchMock, 0), sentTraceparent(fetchMock, 1)];
    for (const tp of [first, second]) {
      expect(tp.traceId).toBe(TRACE_ID);
      expect(tp.spanId).not.toBe(SPAN_ID);
      expect(tp.traceFlags).toBe(TraceFlags.SAMPLED);
    }
    expect(first.spanId).not.toBe(second.spanId);
  });

  it("propagates the current tracestate", async () => {
    const { fetchMock, tracedFetch } = setup();
    await tracedFetch(URL, { headers: { tracestate: "stale=1" } });
    expect(sentHeaders(fetchMock).get("tracestate")).toBe("foo=1,bar=2");
  });

  it("passes the input and the rest of init through", async () => {
    const { fetchMock, tracedFetch } = setup();
    const response = await tracedFetch(URL, { method: "POST", body: "x" });
    expect(response.status).toBe(204);
    const [input, init] = fetchMock.mock.calls[0];
    expect(input).toBe(URL);
    expect(init).toMatchObject({ method: "POST", body: "x" });
  });

  it.each<[string, () => Parameters<typeof fetch>]>([
    ["initRecord_lowercase", () => [URL, { headers: { traceparent: STALE, accept: "text/plain" } }]],
    ["initRecord_mixedCase", () => [URL, { headers: { TraceParent: STALE, accept: "text/plain" } }]],
    ["initRecord_twoCasings", () => [URL, { headers: { traceparent: STALE, TRACEPARENT: STALE, accept: "text/plain" } }]],
    ["initTuples_repeated", () => [URL, { headers: [["Traceparent", STALE], ["traceparent", STALE], ["accept", "text/plain"]] }]],
    ["initHeadersInstance", () => [URL, { headers: new Headers([["traceparent", STALE], ["accept", "text/plain"]]) }]],
    ["requestObjectHeaders", () => [new Request(URL, { headers: { TraceParent: STALE, accept: "text/plain" } })]],
    ["requestObjectHeaders_withInitWithoutHeaders", () => [new Request(URL, { headers: { traceparent: STALE, accept: "text/plain" } }), { method: "GET" }]],
  ])("caller traceparent replaced, exactly one sent: %s", async (_name, args) => {
    const { fetchMock, tracedFetch } = setup();
    await tracedFetch(...args());
    const tp = sentTraceparent(fetchMock);
    expect(tp.traceId).toBe(TRACE_ID);
    expect(tp.spanId).not.toBe(OTHER_SPAN_ID);
    expect(sentHeaders(fetchMock).get("accept")).toBe("text/plain");
    expect(sentHeaders(fetchMock).get("tracestate")).toBe("foo=1,bar=2");
  });
});

describe("createTracedFetch without a current context", () => {
  it.each([
    ["ratio1_sampled", 1, TraceFlags.RANDOM | TraceFlags.SAMPLED],
    ["ratio0_notSampled", 0, TraceFlags.RANDOM],
  ])("starts a fresh trace: %s", async (_name, ratio, traceFlags) => {
    const { fetchMock, tracedFetch } = setup({ current: null, sampleRatio: ratio });
    await tracedFetch(URL, { headers: { traceparent: STALE, tracestate: "stale=1" } });
    await tracedFetch(URL);
    const [first, second] = [sentTraceparent(fetchMock, 0), sentTraceparent(fetchMock, 1)];
    expect(first.traceId).toMatch(LOWER_HEX_32);
    expect(first.traceId).not.toBe(OTHER_TRACE_ID);
    expect(first.traceId).not.toBe(second.traceId);
    expect(first.traceFlags).toBe(traceFlags);
    expect(sentHeaders(fetchMock).get("tracestate")).toBeNull();
  });
});
