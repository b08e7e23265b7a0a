import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTraceId, spanIdOf, startTestApp, type TestApp } from "../support/test-app";

/**
 * POST /api/tracing/dashboard-spans: the dashboard's own browser spans are stored even
 * when TRACEBOARD_INGEST_TOKEN is set (they need the read access the dashboard has),
 * and only ever under the service `traceboard`.
 */
const READ = "read-t0ken";
const basic = `Basic ${Buffer.from(`me:${READ}`).toString("base64")}`;

function batch(traceId: string, count: number, service = "payments") {
  const now = Date.now();
  const spans = Array.from({ length: count }, (_, i) => ({ name: `GET /api/x/${i}`, trace_id: traceId, span_id: spanIdOf(i + 1), kind: "client", start_time: now, end_time: now + 3 }));
  return { service_name: service, spans };
}

describe("dashboard spans with every token set", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_READ_TOKEN: READ, TRACEBOARD_INGEST_TOKEN: "ingest-t0ken", TRACEBOARD_ADMIN_TOKEN: "admin-t0ken" } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("are_stored_with_the_dashboard_s_read_credentials_under_traceboard_whatever_the_batch_says", async () => {
    const traceId = newTraceId();
    const answer = await app.postJson("/api/tracing/dashboard-spans", batch(traceId, 2), { authorization: basic });
    expect(answer.status).toBe(202);
    expect(answer.json()).toEqual({ accepted: 2, rejected: 0, errors: [] });
    const stored = await app.spans({ traceId });
    expect(stored.map((span) => [span.serviceName, span.resourceAttributes, span.scopeName])).toEqual([
      ["traceboard", { "service.name": "traceboard" }, "traceboard-dashboard"],
      ["traceboard", { "service.name": "traceboard" }, "traceboard-dashboard"],
    ]);
  });

  it("need_read_access", async () => {
    const traceId = newTraceId();
    expect((await app.postJson("/api/tracing/dashboard-spans", batch(traceId, 1))).status).toBe(401);
    expect(await app.spans({ traceId })).toHaveLength(0);
  });

  it("refuse_a_batch_larger_than_a_dashboard_sends", async () => {
    const answer = await app.postJson("/api/tracing/dashboard-spans", batch(newTraceId(), 501), { authorization: basic });
    expect(answer.status).toBe(413);
    expect(answer.body.toString()).toMatch(/501 spans; at most 500 per request/);
  });
});
