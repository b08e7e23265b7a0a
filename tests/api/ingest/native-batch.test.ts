import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTraceId, spanIdOf, startTestApp, type HttpAnswer, type StoredSpan, type TestApp } from "../support/test-app";

/** The native JSON batch for simple clients, POST /api/tracing/spans. */

describe("native span batch to /api/tracing/spans", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  describe("a batch with good and bad spans", () => {
    const traceId = newTraceId();
    const [invoiceId, renderId] = [spanIdOf(1), spanIdOf(2)];
    let answer: HttpAnswer;
    let stored: StoredSpan[];

    beforeAll(async () => {
      answer = await app.postJson("/api/tracing/spans", {
        service_name: "billing",
        spans: [
          {
            name: "invoice",
            trace_id: traceId.toUpperCase(),
            span_id: invoiceId,
            kind: "server",
            status: "ok",
            start_time: "2025-01-02T03:04:05.123456789Z",
            end_time: "1735787045987654321",
            attributes: { "invoice.total": 12.5, "invoice.lines": 3, paid: true, tags: ["a", "b"], customer: { tier: "gold" }, nothing: null },
            events: [{ name: "sent", time: "2025-01-02T04:04:05.5+01:00", attributes: { channel: "email" } }],
          },
          {
            name: "render",
            trace_id: traceId,
            span_id: renderId,
            parent_span_id: invoiceId,
            kind: 3,
            status: { code: "error", message: "template missing" },
            start_time: 1735787045200,
            end_time: 1735787045300.25,
            service_name: "renderer",
          },
          { name: "bad trace id", trace_id: "xyz", span_id: spanIdOf(3), start_time: 1735787045200, end_time: 1735787045300 },
          { name: "backwards", trace_id: traceId, span_id: spanIdOf(4), start_time: 1735787045300, end_time: 1735787045200 },
          { name: "", trace_id: traceId, span_id: spanIdOf(5), start_time: 1735787045200, end_time: 1735787045300 },
        ],
      });
      stored = await app.spans({ traceId });
    });

    it("answers202_withAcceptedRejectedAndReasons", () => {
      expect(answer.status).toBe(202);
      expect(answer.json()).toEqual({
        accepted: 2,
        rejected: 3,
        errors: [
          expect.stringMatching(/^spans\.2\.trace_id: .*32 hex digits/),
          expect.stringMatching(/^spans\.3\.end_time: is before start_time$/),
          expect.stringMatching(/^spans\.4\.name: /),
        ],
      });
    });

    it("onlyValidSpansStored", () => {
      expect(stored.map((span) => span.spanId)).toEqual([invoiceId, renderId]);
    });

    it("isoNanosAndMillisTimes_exact", () => {
      expect(stored.map((span) => [span.name, span.startTimeNs, span.endTimeNs])).toEqual([
        ["invoice", 1_735_787_045_123_456_789n, 1_735_787_045_987_654_321n],
        ["render", 1_735_787_045_200_000_000n, 1_735_787_045_300_250_000n],
      ]);
      expect(stored[0].events).toEqual([{ name: "sent", timeNs: "1735787045500000000", attributes: { channel: "email" } }]);
    });

    it("kindsStatusServiceAndTypedAttributes", () => {
      const [invoice, render] = stored;
      expect([invoice.kind, invoice.statusCode, invoice.serviceName, invoice.parentSpanId]).toEqual([2, 1, "billing", null]);
      expect([render.kind, render.statusCode, render.statusMessage, render.serviceName, render.parentSpanId]).toEqual([
        3,
        2,
        "template missing",
        "renderer",
        invoiceId,
      ]);
      expect(invoice.attributes).toEqual({
        "invoice.total": { double: 12.5 },
        "invoice.lines": 3,
        paid: true,
        tags: ["a", "b"],
        customer: { kvlist: { tier: "gold" } },
      });
      expect(render.resourceAttributes).toEqual({ "service.name": "renderer" });
    });

    it("traceSummary", async () => {
      expect(await app.traceSummary(traceId)).toMatchObject({
        trace: { rootService: "billing", rootName: "invoice", hasRoot: true, spanCount: 2, errorCount: 1 },
        services: [
          { serviceName: "billing", spanCount: 1, errorCount: 0 },
          { serviceName: "renderer", spanCount: 1, errorCount: 1 },
        ],
      });
    });
  });

  it("bareArray_noServiceName_unknownService", async () => {
    const traceId = newTraceId();
    const answer = await app.postJson("/api/tracing/spans", [
      { name: "job", trace_id: traceId, span_id: spanIdOf(1), start_time: "1735787045000000001", end_time: "1735787045000000002" },
    ]);
    expect(answer.status).toBe(202);
    expect(answer.json()).toEqual({ accepted: 1, rejected: 0, errors: [] });
    const [span] = await app.spans({ traceId });
    expect([span.serviceName, span.kind, span.startTimeNs, span.endTimeNs]).toEqual(["unknown_service", 1, 1_735_787_045_000_000_001n, 1_735_787_045_000_000_002n]);
  });
});
