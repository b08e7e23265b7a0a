import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDemo, type DemoReport } from "@/scripts/demo/run-demo";
import { startTestApp, type TestApp } from "../support/test-app";
import { getJson, type AuditEvent } from "./audit-support";

/** `npm run demo` against the real routes: its audit events land in the chain, linked to traces the store holds. */
describe("demo audit events", { timeout: 60_000 }, () => {
  const ADMIN_TOKEN = "demo-admin";
  let app: TestApp;
  let report: DemoReport;

  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_ADMIN_TOKEN: ADMIN_TOKEN } });
    report = await runDemo({ traces: 30, hours: 1, seed: "api", url: app.url, adminToken: ADMIN_TOKEN, protocol: "protobuf", ifEmpty: false });
    await app.flushSelfSpans();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it("records_every_planned_event_in_one_valid_chain", async () => {
    expect(report.ok).toBe(true);
    expect(report.audit).toMatchObject({ failed: 0, engagementId: "eng_shop-demo-api" });
    const engagement = await getJson<{ total: number; actors: unknown[]; timeline: AuditEvent[] }>(app, "/api/tracing/audit/engagement/eng_shop-demo-api/report");
    expect(engagement.total).toBe(report.audit!.events);
    expect(engagement.actors.length).toBeGreaterThan(1);
    expect(await getJson(app, "/api/tracing/audit/verify")).toMatchObject({ valid: true, checked: report.audit!.events });
  });

  it("each_event_correlates_with_a_stored_demo_trace", async () => {
    const { timeline } = await getJson<{ timeline: AuditEvent[] }>(app, "/api/tracing/audit/engagement/eng_shop-demo-api/report");
    for (const traceId of new Set(timeline.map((event) => event.traceId))) {
      const correlation = await getJson<{ trace_found: boolean; has_audit_data: boolean }>(app, `/api/tracing/correlate/${traceId}`);
      expect(correlation).toMatchObject({ trace_found: true, has_audit_data: true });
    }
    const withChange = timeline.find((event) => event.action === "update" && event.before !== null);
    expect(withChange?.after).not.toBeNull();
    expect(timeline.map((event) => event.action)).toEqual(expect.arrayContaining(["login", "access_denied", "export", "logout"]));
  });
});
