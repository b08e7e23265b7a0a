import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_METHODS, loadAppRoutes } from "./support/app-routes";
import { otlpRequest, otlpSpan } from "./support/otlp";
import { newTraceId, spanIdOf, startTestApp, type TestApp } from "./support/test-app";

/**
 * Cross-site request forgery, with the default configuration (no tokens): a page on
 * another origin makes a browser send the request, with that page's Origin. Every
 * route that changes state refuses it; exporters (no Origin) and allowed origins
 * (TRACEBOARD_CORS_ORIGINS) keep working.
 */

const EVIL = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
const ALLOWED_ORIGIN = "https://grafana.example";
const PATH_VALUE = "4bf92f3577b34da6a3ce929d0e0e4736";

const STATE_CHANGING = Object.entries(await loadAppRoutes()).flatMap(([pattern, module]) =>
  HTTP_METHODS.filter((method) => method in module && method !== "GET").map((method) => ({ route: `${method} ${pattern}`, method, path: pattern.replace(/\[[^\]/]+\]/g, PATH_VALUE) })),
);

describe("cross-site requests", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_CORS_ORIGINS: ALLOWED_ORIGIN } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("finds_the_state_changing_routes", () => {
    expect(STATE_CHANGING.map((route) => route.route)).toEqual(
      expect.arrayContaining(["POST /api/tracing/cleanup", "POST /api/tracing/audit", "POST /v1/traces", "POST /api/v2/spans", "POST /api/tracing/spans"]),
    );
  });

  it.each(STATE_CHANGING)("$route refuses a cross-site request with 403", async ({ method, path }) => {
    const answer = await app.send(path, { method, body: "{}", headers: { ...EVIL, "content-type": "application/x-www-form-urlencoded" } });
    expect(answer.status).toBe(403);
    expect(answer.body.toString()).toMatch(/Cross-site request refused: Origin https:\/\/evil\.example/);
  });

  it("the_probe_s_form_post_to_cleanup_deletes_nothing", async () => {
    const traceId = newTraceId();
    const old = BigInt(Date.now() - 2 * 3600_000) * 1_000_000n;
    expect((await app.postJson("/v1/traces", otlpRequest("csrf", [otlpSpan({ traceId, spanId: spanIdOf(1), name: "old", start: old, end: old + 1_000n })]))).status).toBe(200);
    const answer = await app.send("/api/tracing/cleanup?max_age_seconds=60", { method: "POST", body: "x=1", headers: { ...EVIL, "content-type": "application/x-www-form-urlencoded" } });
    expect(answer.status).toBe(403);
    expect(await app.spans({ traceId })).toHaveLength(1);
  });

  it("the_probe_s_text_plain_audit_event_is_not_recorded", async () => {
    const forged = JSON.stringify({ action: "delete", severity: "critical", userId: "ceo", description: "forged" });
    expect((await app.send("/api/tracing/audit", { method: "POST", body: forged, headers: { ...EVIL, "content-type": "text/plain" } })).status).toBe(403);
    // Same origin (or no browser at all) still needs the JSON content type: a text/plain body is not an audit event.
    const plain = await app.send("/api/tracing/audit", { method: "POST", body: forged, headers: { "content-type": "text/plain" } });
    expect(plain.status).toBe(415);
    expect(((await app.send("/api/tracing/audit?userId=ceo")).json() as { events: unknown[] }).events).toEqual([]);
  });

  it("exporters_without_an_origin_and_allowed_origins_keep_working", async () => {
    const now = BigInt(Date.now()) * 1_000_000n;
    const document = otlpRequest("csrf", [otlpSpan({ traceId: newTraceId(), spanId: spanIdOf(1), name: "ok", start: now, end: now + 1n })]);
    expect((await app.postJson("/v1/traces", document)).status).toBe(200);
    expect((await app.postJson("/v1/traces", document, { origin: ALLOWED_ORIGIN, "sec-fetch-site": "cross-site" })).status).toBe(200);
    expect((await app.postJson("/api/tracing/audit", { action: "read" }, { origin: app.url, "sec-fetch-site": "same-origin" })).status).toBe(201);
  });
});
