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
  adminToken: undefined,
  protocol: "protobuf",
  ifEmpty: false,
  ...overrides,
});

// Each run also records its audit events one request at a time: more than the default 5 s on these machines.
describe("runDemo against an OTLP receiver", { timeout: 20_000 }, () => {
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

  it("records_audit_events_linked_to_the_sent_traces", async () => {
    stub = await startOtlpStub();
    const report = await runDemo(options({ traces: 40, seed: "audit", adminToken: "adm1n" }), { now: NOW });

    expect(report.ok).toBe(true);
    expect(report.audit).toMatchObject({ recorded: stub.auditEvents.length, failed: 0, errors: [], engagementId: "eng_shop-demo-audit" });
    expect(stub.auditEvents.length).toBeGreaterThan(5);
    const traceIds = new Set(stub.spans().map((span) => span.traceId));
    for (const { authorization, body } of stub.auditEvents) {
      expect(authorization).toBe("Bearer adm1n");
      expect(traceIds.has(body.traceId as string)).toBe(true);
      expect(body.engagementId).toBe("eng_shop-demo-audit");
    }
    const actions = new Set(stub.auditEvents.map(({ body }) => body.action));
    for (const action of ["login", "logout", "access_denied", "export"]) expect(actions).toContain(action);
    expect(formatReport(report, options({})).join("\n")).toContain(
      `audit: ${stub.auditEvents.length} of ${stub.auditEvents.length} events recorded to ${stub.url}/api/tracing/audit, engagement eng_shop-demo-audit`,
    );
  });

  it("refused_audit_events_report_not_ok_naming_the_admin_token", async () => {
    stub = await startOtlpStub({ auditStatus: 401 });
    const report = await runDemo(options({ traces: 10 }), { now: NOW });
    expect(report.ok).toBe(false);
    expect(report.tally.exportedSpans).toBe(report.spans);
    expect(report.audit).toMatchObject({ recorded: 0, failed: report.audit?.events });
    const text = formatReport(report, options({})).join("\n");
    expect(text).toMatch(/FAILED: (\d+) of \1 audit events were not recorded/);
    expect(text).toContain("pass --admin-token");
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
