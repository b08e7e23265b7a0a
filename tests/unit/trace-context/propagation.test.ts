import { describe, expect, it } from "vitest";
import type { Carrier } from "@/lib/trace-context/carrier";
import {
  continueOrStartTrace,
  injectRequestHeaders,
  injectResponseHeaders,
  injectSpanContext,
} from "@/lib/trace-context/propagation";
import type { SpanContext } from "@/lib/trace-context/span-context";
import { TraceFlags } from "@/lib/trace-context/trace-flags";
import { formatTraceparent } from "@/lib/trace-context/traceparent";
import { TraceState } from "@/lib/trace-context/tracestate";
import {
  LOWER_HEX_16,
  LOWER_HEX_32,
  OTHER_SPAN_ID,
  OTHER_TRACE_ID,
  SPAN_ID,
  TRACE_ID,
  traceparent,
  VALID_TRACEPARENT,
} from "./fixtures";

const ALWAYS = { sampleRatio: 1 };
const NEVER = { sampleRatio: 0 };
const OTHER_TRACEPARENT = traceparent({ traceId: OTHER_TRACE_ID, spanId: OTHER_SPAN_ID });
const FUTURE_WITH_EXTRA = `${traceparent({ version: "cc" })}-what-the-future-will-be-like`;

/** Asserts a brand-new root trace that borrowed nothing from the given incoming ids. */
function expectFreshRoot(ctx: SpanContext & { parentSpanId?: string }, ...incomingTraceIds: string[]) {
  expect(ctx.traceId).toMatch(LOWER_HEX_32);
  expect(ctx.traceId).not.toBe("0".repeat(32));
  for (const id of incomingTraceIds) expect(ctx.traceId).not.toBe(id);
  expect(ctx.spanId).toMatch(LOWER_HEX_16);
  expect(ctx.parentSpanId).toBeUndefined();
  expect(ctx.traceState).toBeUndefined();
  expect(ctx.traceFlags & TraceFlags.RANDOM).toBe(TraceFlags.RANDOM);
}

describe("continueOrStartTrace: continues a valid traceparent", () => {
  it.each<[string, Carrier, number]>([
    ["record_sampled01", { traceparent: traceparent({ flags: "01" }) }, 0x01],
    ["record_notSampled00_evenAtRatio1", { traceparent: traceparent({ flags: "00" }) }, 0x00],
    ["record_sampledAndRandom03", { traceparent: traceparent({ flags: "03" }) }, 0x03],
    ["record_unknownFlagBitsDropped", { traceparent: traceparent({ flags: "ff" }) }, 0x03],
    ["record_mixedCaseKey", { TraceParent: VALID_TRACEPARENT }, 0x01],
    ["record_singleElementArray", { traceparent: [VALID_TRACEPARENT] }, 0x01],
    ["record_owsAroundValue", { traceparent: ` \t${VALID_TRACEPARENT}\t ` }, 0x01],
    ["record_futureVersion", { traceparent: FUTURE_WITH_EXTRA }, 0x01],
    ["headers_sampled01", new Headers({ traceparent: VALID_TRACEPARENT }), 0x01],
    ["headers_notSampled00", new Headers({ traceparent: traceparent({ flags: "00" }) }), 0x00],
    ["traceparentWinsOverXTraceId", { traceparent: VALID_TRACEPARENT, "x-trace-id": OTHER_TRACE_ID }, 0x01],
  ])("%s", (_name, carrier, traceFlags) => {
    const ctx = continueOrStartTrace(carrier, ALWAYS);
    expect(ctx.traceId).toBe(TRACE_ID);
    expect(ctx.parentSpanId).toBe(SPAN_ID);
    expect(ctx.spanId).toMatch(LOWER_HEX_16);
    expect(ctx.spanId).not.toBe(SPAN_ID);
    expect(ctx.traceFlags).toBe(traceFlags);
  });

  it("sampled01_respectedEvenAtRatio0", () => {
    expect(continueOrStartTrace({ traceparent: VALID_TRACEPARENT }, NEVER).traceFlags).toBe(TraceFlags.SAMPLED);
  });

  it("newSpanIdPerCall", () => {
    const carrier = { traceparent: VALID_TRACEPARENT };
    expect(continueOrStartTrace(carrier, ALWAYS).spanId).not.toBe(continueOrStartTrace(carrier, ALWAYS).spanId);
  });
});

describe("continueOrStartTrace: two traceparent headers start a new trace", () => {
  it.each<[string, () => Carrier]>([
    ["record_arrayValue", () => ({ traceparent: [VALID_TRACEPARENT, OTHER_TRACEPARENT] })],
    ["record_arrayValue_sameValueTwice", () => ({ traceparent: [VALID_TRACEPARENT, VALID_TRACEPARENT] })],
    ["record_twoCasings", () => ({ traceparent: VALID_TRACEPARENT, Traceparent: OTHER_TRACEPARENT })],
    ["record_nodeJoinedString", () => ({ traceparent: `${VALID_TRACEPARENT}, ${OTHER_TRACEPARENT}` })],
    ["headers_appended", () => new Headers([["traceparent", VALID_TRACEPARENT], ["traceparent", OTHER_TRACEPARENT]])],
    ["headers_appended_futureVersionWithExtraField", () => new Headers([["traceparent", FUTURE_WITH_EXTRA], ["traceparent", OTHER_TRACEPARENT]])],
    ["record_nodeJoinedString_futureVersionWithExtraField", () => ({ traceparent: `${FUTURE_WITH_EXTRA}, ${OTHER_TRACEPARENT}` })],
  ])("%s", (_name, carrier) => {
    expectFreshRoot(continueOrStartTrace(carrier(), ALWAYS), TRACE_ID, OTHER_TRACE_ID);
  });
});

describe("continueOrStartTrace: tracestate", () => {
  it.each<[string, Carrier, string | undefined]>([
    ["validTraceparent_validTracestate_carried", { traceparent: VALID_TRACEPARENT, tracestate: "foo=1,bar=2" }, "foo=1,bar=2"],
    ["validTraceparent_repeatedTracestate_joined", { traceparent: VALID_TRACEPARENT, tracestate: ["foo=1", "bar=2"] }, "foo=1,bar=2"],
    ["validTraceparent_invalidTracestate_dropped", { traceparent: VALID_TRACEPARENT, tracestate: "foo=1,BAD=2" }, undefined],
    ["validTraceparent_duplicateKeyAcrossHeaders_leftmostKept", { traceparent: VALID_TRACEPARENT, tracestate: ["foo=1", "foo=2"] }, "foo=1"],
    ["validTraceparent_duplicateKeyInHeader_leftmostKept", { traceparent: VALID_TRACEPARENT, tracestate: "foo=1,bar=2,foo=2" }, "foo=1,bar=2"],
    ["headers_duplicateKeyJoined_leftmostKept", new Headers([["traceparent", VALID_TRACEPARENT], ["tracestate", "foo=1"], ["tracestate", "foo=2"]]), "foo=1"],
    ["validTraceparent_emptyTracestate_undefined", { traceparent: VALID_TRACEPARENT, tracestate: "" }, undefined],
  ])("%s", (_name, carrier, expected) => {
    const ctx = continueOrStartTrace(carrier, ALWAYS);
    expect(ctx.traceId).toBe(TRACE_ID);
    expect(ctx.traceState?.serialize()).toBe(expected);
  });

  it.each<[string, Carrier]>([
    ["invalidTraceparent_validTracestate_notCarried", { traceparent: traceparent({ traceId: "0".repeat(32) }), tracestate: "foo=1" }],
    ["missingTraceparent_validTracestate_notCarried", { tracestate: "foo=1" }],
  ])("%s", (_name, carrier) => {
    expectFreshRoot(continueOrStartTrace(carrier, ALWAYS), TRACE_ID);
  });
});

describe("continueOrStartTrace: X-Trace-ID fallback", () => {
  it.each<[string, Carrier]>([
    ["record_lowercaseHex", { "x-trace-id": OTHER_TRACE_ID }],
    ["record_mixedCaseKey_uppercaseValue", { "X-Trace-ID": OTHER_TRACE_ID.toUpperCase() }],
    ["headers_dashedUuid", new Headers({ "X-Trace-Id": "0af76519-16cd-43dd-8448-eb211c80319c" })],
  ])("validXTraceId_%s: adopted, no parent", (_name, carrier) => {
    const ctx = continueOrStartTrace(carrier, ALWAYS);
    expect(ctx.traceId).toBe(OTHER_TRACE_ID);
    expect(ctx.parentSpanId).toBeUndefined();
    expect(ctx.spanId).toMatch(LOWER_HEX_16);
    expect(ctx.traceFlags & TraceFlags.SAMPLED).toBe(TraceFlags.SAMPLED);
  });

  it.each<[string, Carrier]>([
    ["allZeros", { "x-trace-id": "0".repeat(32) }],
    ["crlfInjection", { "x-trace-id": "abc\r\nSet-Cookie: x" }],
    ["tooShort", { "x-trace-id": OTHER_TRACE_ID.slice(1) }],
    ["nonHex", { "x-trace-id": "not-a-trace-id" }],
    ["empty", { "x-trace-id": "" }],
  ])("invalidXTraceId_%s: fresh random trace", (_name, carrier) => {
    expectFreshRoot(continueOrStartTrace(carrier, ALWAYS), OTHER_TRACE_ID);
  });
});

describe("continueOrStartTrace: new root traces", () => {
  it.each([
    ["ratio1_sampledAndRandom", ALWAYS, TraceFlags.RANDOM | TraceFlags.SAMPLED],
    ["ratio0_randomNotSampled", NEVER, TraceFlags.RANDOM],
  ])("%s", (_name, options, traceFlags) => {
    for (let i = 0; i < 50; i++) {
      const ctx = continueOrStartTrace({}, options);
      expectFreshRoot(ctx);
      expect(ctx.traceFlags).toBe(traceFlags);
    }
  });

  it("freshTraceIdPerCall", () => {
    expect(continueOrStartTrace({}, ALWAYS).traceId).not.toBe(continueOrStartTrace({}, ALWAYS).traceId);
  });
});

describe("injectSpanContext", () => {
  const withState = (traceState?: TraceState): SpanContext => ({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 0x01, traceState });
  const STATE = TraceState.parse("foo=1,bar=2")!;

  it.each<[string, SpanContext, Record<string, string | string[]>, Record<string, string>]>([
    ["record_empty_withTracestate", withState(STATE), {}, { traceparent: VALID_TRACEPARENT, tracestate: "foo=1,bar=2" }],
    ["record_noTracestate_notWritten", withState(), {}, { traceparent: VALID_TRACEPARENT }],
    ["record_emptyTracestate_notWritten", withState(TraceState.empty()), {}, { traceparent: VALID_TRACEPARENT }],
    ["record_staleTraceparentEveryCasingReplaced", withState(), { TraceParent: "stale", traceparent: ["a", "b"] }, { traceparent: VALID_TRACEPARENT }],
    ["record_staleTracestateRemoved", withState(), { TraceState: "old=1" }, { traceparent: VALID_TRACEPARENT }],
    ["record_staleTracestateReplaced", withState(STATE), { TRACESTATE: "old=1" }, { traceparent: VALID_TRACEPARENT, tracestate: "foo=1,bar=2" }],
    ["record_unknownFlagsCleared", { ...withState(), traceFlags: 0xff }, {}, { traceparent: traceparent({ flags: "03" }) }],
    ["record_otherHeadersKept", withState(), { accept: "text/plain" }, { accept: "text/plain", traceparent: VALID_TRACEPARENT }],
  ])("%s", (_name, ctx, carrier, expected) => {
    injectSpanContext(ctx, carrier);
    expect(carrier).toEqual(expected);
  });

  it.each<[string, SpanContext, [string, string][]]>([
    ["headers_withTracestate", withState(STATE), [["traceparent", VALID_TRACEPARENT], ["tracestate", "foo=1,bar=2"]]],
    ["headers_staleTracestateRemoved", withState(), [["traceparent", VALID_TRACEPARENT]]],
  ])("%s", (_name, ctx, expected) => {
    const headers = new Headers([["traceparent", "stale1"], ["TraceParent", "stale2"], ["tracestate", "old=1"]]);
    injectSpanContext(ctx, headers);
    expect([...headers]).toEqual(expected);
  });
});

describe("injectResponseHeaders / injectRequestHeaders", () => {
  const ctx: SpanContext = { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 0x01, traceState: TraceState.parse("foo=1")! };

  it.each<[string, Carrier]>([
    ["record", { "X-Trace-Id": "stale", Traceparent: "stale" }],
    ["headers", new Headers({ "X-Trace-Id": "stale", Traceparent: "stale" })],
  ])("response_%s: traceparent and x-trace-id equal to the trace-id", (_name, carrier) => {
    injectResponseHeaders(ctx, carrier);
    const headers = new Headers(carrier as HeadersInit);
    expect(headers.get("traceparent")).toBe(formatTraceparent(ctx));
    expect(headers.get("x-trace-id")).toBe(TRACE_ID);
    expect(headers.get("x-trace-id")).toBe(headers.get("traceparent")!.split("-")[1]);
  });

  it.each<[string, Carrier]>([
    ["record", { "X-Trace-Id": "stale" }],
    ["headers", new Headers({ "X-Trace-Id": "stale" })],
  ])("request_%s: propagation headers plus x-trace-id", (_name, carrier) => {
    injectRequestHeaders(ctx, carrier);
    const headers = new Headers(carrier as HeadersInit);
    expect(headers.get("traceparent")).toBe(VALID_TRACEPARENT);
    expect(headers.get("tracestate")).toBe("foo=1");
    expect(headers.get("x-trace-id")).toBe(TRACE_ID);
  });
});
