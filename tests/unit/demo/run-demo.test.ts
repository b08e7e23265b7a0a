import { afterEach, describe, expect, it } from "vitest";
import { SpanKind } from "@opentelemetry/api";
import type { DemoOptions } from "@/scripts/demo/options";
import { runDemo } from "@/scripts/demo/run-demo";
import { SERVICE_NAMES } from "@/scripts/demo/services";
import { formatReport } from "@/scripts/demo/summary";
import { startOtlpStub, type OtlpStub } from "./otlp-stub";

const NOW = 1_764_000_000_000_000_000n;
const HOUR_NS = 3_600_000_000_000n;

let stub: OtlpStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const options = (overrides: Partial<DemoOptions>): DemoOptions => ({
  traces: 25,
  hours: 2,
  seed: "e2e",
  url: stub?.url ?? "http://127.0.0.1:1",
  token: undefined,
  protocol: "protobuf",
  ifEmpty: false,
  ...overrides,
});

describe("runDemo against an OTLP receiver", () => {
  it.each([
    ["protobuf", "application/x-protobuf", 60],
    ["json", "application/json", 25],
  ] as const)("%s_everySpanArrivesWithParentsTimesAndAuth", async (protocol, contentType, traces) => {
    stub = await startOtlpStub();
    const report = await runDemo(options({ protocol, traces, token: "s3cret" }), { now: NOW });

    expect(report.ok).toBe(true);
    expect(stub.requests.length).toBe(report.tally.requests);
    for (const request of stub.requests) {
      expect(request.contentType).toBe(contentType);
      expect(request.authorization).toBe("Bearer s3cret");
    }

    const spans = stub.spans();
    expect(spans.length).toBe(report.spans);
    expect(report.tally.exportedSpans).toBe(report.spans);
    expect(new Set(spans.map((span) => span.spanId)).size).toBe(spans.length);
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(traces);
    expect(report.traces).toBe(traces);

    const ids = new Set(spans.map((span) => span.spanId));
    expect(spans.filter((span) => span.parentSpanId && !ids.has(span.parentSpanId))).toEqual([]);
    for (const span of spans.filter((s) => s.linkedSpanIds.length > 0)) {
      expect(span.kind).toBe(SpanKind.CONSUMER + 1); // OTLP kinds are the API's plus one
      for (const linked of span.linkedSpanIds) expect(ids.has(linked)).toBe(true);
    }

    const windowStart = NOW - 2n * HOUR_NS;
    expect(spans.filter((span) => span.startNs < windowStart || span.endNs > NOW || span.endNs < span.startNs)).toEqual([]);
    expect(new Set(spans.map((span) => span.service))).toEqual(new Set(report.services));
    for (const service of report.services) expect(SERVICE_NAMES).toContain(service);

    const starts = spans.map((span) => span.startNs).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(starts[starts.length - 1] - starts[0]).toBeGreaterThan(HOUR_NS / 2n);
    if (traces >= 40) expect(spans.filter((span) => span.name === "ImportJob.run")).toHaveLength(1);
    expect(formatReport(report, options({ protocol, traces })).join("\n")).toContain(`${traces} traces, ${report.spans} spans`);
  });

  it("sameSeed_sameSpans", async () => {
    stub = await startOtlpStub();
    await runDemo(options({ seed: "twice" }), { now: NOW });
    const first = stub.spans().map((span) => `${span.spanId}@${span.startNs}`).sort();
    stub.requests.length = 0;
    await runDemo(options({ seed: "twice" }), { now: NOW });
    expect(stub.spans().map((span) => `${span.spanId}@${span.startNs}`).sort()).toEqual(first);
  });

  it("rejectedExports_reportNotOk_withTheReason", async () => {
    stub = await startOtlpStub({ status: 400 });
    const report = await runDemo(options({}), { now: NOW });
    expect(report.ok).toBe(false);
    expect(report.tally.failedSpans).toBeGreaterThan(0);
    expect(report.tally.errors.length).toBeGreaterThan(0);
    expect(formatReport(report, options({})).join("\n")).toMatch(/FAILED: \d+ of \d+ spans were not accepted/);
  });
});

describe("runDemo: nothing listening", () => {
  it("failsFast_namingTheAddress", async () => {
    const closed = await startOtlpStub();
    await closed.close();
    const started = performance.now();
    await expect(runDemo(options({ url: closed.url }))).rejects.toThrow(/cannot connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("runDemo --if-empty", () => {
  it("storeHoldsSpans_sendsNothing", async () => {
    stub = await startOtlpStub({ statistics: { total_spans: 12 } });
    const report = await runDemo(options({ ifEmpty: true }), { now: NOW });
    expect(report).toMatchObject({ ok: true, skipped: "the store already holds 12 spans", spans: 0 });
    expect(stub.statisticsRequests).toBe(1);
    expect(stub.requests).toEqual([]);
  });

  it("emptyStore_sends", async () => {
    stub = await startOtlpStub({ statistics: { total_spans: 0 } });
    const report = await runDemo(options({ ifEmpty: true }), { now: NOW });
    expect(report.ok).toBe(true);
    expect(report.skipped).toBeUndefined();
    expect(stub.spans().length).toBe(report.spans);
  });

  it.each([
    ["statisticsMissing", 404, "answered 404"],
    ["notTheExpectedJson", { total_spans: -1 }, "total_spans"],
  ] as const)("%s_failsWithoutSending", async (_name, statistics, message) => {
    stub = await startOtlpStub({ statistics });
    await expect(runDemo(options({ ifEmpty: true }), { now: NOW })).rejects.toThrow(message);
    expect(stub.requests).toEqual([]);
  });
});
