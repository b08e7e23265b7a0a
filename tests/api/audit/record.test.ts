import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-enums";
import { chainHash, GENESIS_HASH } from "@/lib/audit/chain-hash";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf, startTestApp, traceparentOf, type TestApp } from "../support/test-app";
import { getJson, record, type AuditEvent, type AuditPage } from "./audit-support";

/** POST /api/tracing/audit: what it stores, what it takes from the request, and what it refuses. */
// The tests' HTTP client connects over loopback, which this suite trusts as a proxy (and 10/8 behind it).
describeOnEachDatabase("POST /api/tracing/audit", ({ app }) => {
  it("stores_every_field_and_chains_the_event_to_the_previous_one", async () => {
    const previous = await record(app, { action: "login", userId: "alice" });
    const traceId = newTraceId();
    const before = { status: "pending", items: [{ sku: "A-1", qty: 2 }] };
    const body = {
      action: "update",
      severity: "warning",
      resourceType: "order",
      resourceId: "o-1001",
      description: "Order status changed by support",
      userId: "alice",
      sessionId: "sess-1",
      engagementId: "eng-1",
      ipAddress: "203.0.113.7",
      userAgent: "curl/8.5.0",
      before,
      after: { ...before, status: "refunded" },
      metadata: { ticket: "SUP-42", approved: true, amount: 12.5 },
      traceId,
      spanId: spanIdOf(7),
    } as const;
    const startedNs = BigInt(Date.now() - 1) * 1_000_000n;
    const event = await record(app, body);

    expect(event).toEqual({
      ...body,
      seq: previous.seq + 1,
      timestampUnixNano: expect.stringMatching(/^\d{19}$/),
      prevHash: previous.hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(BigInt(event.timestampUnixNano)).toBeGreaterThanOrEqual(startedNs);
    expect(BigInt(event.timestampUnixNano)).toBeGreaterThanOrEqual(BigInt(previous.timestampUnixNano));
    expect(event.hash).toBe(chainHash(previous.hash, event));
    const listed = await getJson<AuditPage>(app, `/api/tracing/audit/trace/${traceId}`);
    expect(listed.events).toEqual([event]);
  });

  it("first_event_of_the_chain_has_seq_1_and_the_genesis_prevHash", async () => {
    const first = await getJson<AuditPage>(app, "/api/tracing/audit?limit=1000");
    const oldest = first.events[first.events.length - 1];
    expect(oldest).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
  });

  it("defaults_severity_actor_address_and_agent_from_the_request", async () => {
    const event = await record(
      app,
      { action: "export", resourceType: "report" },
      { "x-user-id": "bob", "x-forwarded-for": "198.51.100.4, 10.0.0.1", "user-agent": "traceboard-test/1.0" },
    );
    expect(event).toMatchObject({ severity: "info", userId: "bob", ipAddress: "198.51.100.4", userAgent: "traceboard-test/1.0", sessionId: null, before: null });
  });

  it("body_values_win_over_request_headers", async () => {
    const event = await record(
      app,
      { action: "read", userId: "carol", ipAddress: "2001:db8::1", userAgent: "agent-in-body" },
      { "x-user-id": "bob", "x-real-ip": "198.51.100.9", "user-agent": "header-agent" },
    );
    expect(event).toMatchObject({ userId: "carol", ipAddress: "2001:db8::1", userAgent: "agent-in-body" });
  });

  it("without_forwarded_for_the_address_is_the_peer_and_an_invalid_forwarded_hop_is_not_taken", async () => {
    expect(await record(app, { action: "read" }, { "x-real-ip": "198.51.100.9" })).toMatchObject({ ipAddress: "127.0.0.1" });
    expect(await record(app, { action: "read" }, { "x-forwarded-for": "not-an-ip" })).toMatchObject({ ipAddress: "127.0.0.1" });
  });

  it("trace_and_span_come_from_the_request_traceparent", async () => {
    const traceId = newTraceId();
    const callerSpan = spanIdOf(99);
    const event = await record(app, { action: "create", resourceType: "dashboard" }, { traceparent: traceparentOf(traceId, callerSpan) });
    expect(event.traceId).toBe(traceId);
    expect(event.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(event.spanId).not.toBe(callerSpan);
    await app.flushSelfSpans();
    const [serverSpan] = await app.spans({ traceId, name: "POST /api/tracing/audit" });
    expect(serverSpan).toMatchObject({ spanId: event.spanId, parentSpanId: callerSpan });
    const [append] = await app.spans({ traceId, name: "append audit_events" });
    expect(append).toMatchObject({ kind: 3, parentSpanId: event.spanId, attributes: { "db.operation.name": "append", "db.collection.name": "audit_events" } });
  });

  it("without_traceparent_the_event_joins_the_trace_the_server_started", async () => {
    const answer = await app.postJson("/api/tracing/audit", { action: "logout" });
    expect(answer.status).toBe(201);
    expect((answer.json() as AuditEvent).traceId).toBe(answer.headers["x-trace-id"]);
  });

  it("a_given_trace_id_wins_over_the_request_context_and_is_lowercased", async () => {
    const given = newTraceId();
    const event = await record(app, { action: "approve", traceId: given.toUpperCase() }, { traceparent: traceparentOf(newTraceId(), spanIdOf(1)) });
    expect(event).toMatchObject({ traceId: given, spanId: null });
  });

  it("json_values_of_any_kind_round_trip", async () => {
    const values = { before: [1, "two", null, { nested: [true] }], after: "plain string", metadata: 42 };
    const event = await record(app, { action: "config_change", ...values });
    expect(event).toMatchObject(values);
    const [listed] = (await getJson<AuditPage>(app, `/api/tracing/audit?limit=1`)).events;
    expect(listed).toEqual(event);
  });

  const invalid: Array<{ name: string; body: string; message: RegExp }> = [
    { name: "unknown_action_lists_the_valid_ones", body: JSON.stringify({ action: "hack" }), message: new RegExp(`action: .*${AUDIT_ACTIONS.map((a) => `"${a}"`).join("\\|")}`) },
    { name: "missing_action", body: JSON.stringify({ userId: "x" }), message: /^action: / },
    { name: "unknown_severity", body: JSON.stringify({ action: "read", severity: "fatal" }), message: /severity: .*"debug"\|"info"\|"warning"\|"error"\|"critical"/ },
    { name: "server_fields_are_refused", body: JSON.stringify({ action: "read", seq: 1, hash: "0" }), message: /Unrecognized keys: "seq", "hash"/ },
    { name: "malformed_trace_id", body: JSON.stringify({ action: "read", traceId: "xyz" }), message: /traceId: expected a trace-id/ },
    { name: "all_zero_trace_id", body: JSON.stringify({ action: "read", traceId: "0".repeat(32) }), message: /traceId: a trace-id must not be all zero/ },
    { name: "span_id_without_trace_id", body: JSON.stringify({ action: "read", spanId: spanIdOf(1) }), message: /spanId: spanId needs a traceId/ },
    { name: "invalid_ip_address", body: JSON.stringify({ action: "read", ipAddress: "999.1.1.1" }), message: /^ipAddress: / },
    { name: "too_long_resource_id", body: JSON.stringify({ action: "read", resourceId: "r".repeat(257) }), message: /^resourceId: / },
    { name: "empty_user_id", body: JSON.stringify({ action: "read", userId: "" }), message: /^userId: / },
    { name: "nul_character", body: JSON.stringify({ action: "read", metadata: { note: "a\u0000b" } }), message: /U\+0000/ },
    { name: "too_large_json_value", body: JSON.stringify({ action: "update", after: "x".repeat(70_000) }), message: /^after: at most 65536 characters/ },
    { name: "malformed_json", body: "{\"action\":", message: /^Malformed JSON body/ },
    { name: "empty_body", body: "", message: /expected object/ },
    { name: "not_an_object", body: "[]", message: /expected object/ },
  ];
  it.each(invalid)("400_$name", async ({ body, message }) => {
    const before = await getJson<AuditPage>(app, "/api/tracing/audit?limit=1");
    const answer = await app.send("/api/tracing/audit", { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(answer.status).toBe(400);
    const { error } = answer.json() as { error: { code: string; message: string } };
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(message);
    expect((await getJson<AuditPage>(app, "/api/tracing/audit?limit=1")).events).toEqual(before.events);
  });
}, { TRACEBOARD_TRUSTED_PROXIES: "127.0.0.1,::1,10.0.0.0/8" });

/** With TRACEBOARD_ADMIN_TOKEN set, recording needs `Authorization: Bearer <token>`; reads stay open. */
describe("POST /api/tracing/audit with TRACEBOARD_ADMIN_TOKEN", () => {
  const TOKEN = "audit-admin-t0ken";
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_ADMIN_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each<{ name: string; headers: Record<string, string> }>([
    { name: "no_token", headers: {} },
    { name: "wrong_token", headers: { authorization: "Bearer not-the-token" } },
    { name: "basic_scheme", headers: { authorization: `Basic ${TOKEN}` } },
  ])("401_and_nothing_stored_with_$name", async ({ headers }) => {
    const answer = await app.postJson("/api/tracing/audit", { action: "delete" }, headers);
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toMatch(/^Bearer /);
    expect((answer.json() as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await getJson<AuditPage>(app, "/api/tracing/audit?action=delete")).events).toEqual([]);
  });

  it("without_trusted_proxies_a_forged_forwarded_for_is_ignored_and_the_peer_recorded", async () => {
    const event = await record(app, { action: "read" }, { authorization: `Bearer ${TOKEN}`, "x-forwarded-for": "198.51.100.66", "x-traceboard-peer": "203.0.113.1" });
    expect(event.ipAddress).toBe("127.0.0.1");
  });

  it("201_with_the_token", async () => {
    const event = await record(app, { action: "delete", resourceType: "trace" }, { authorization: `Bearer ${TOKEN}` });
    expect((await getJson<AuditPage>(app, "/api/tracing/audit?action=delete")).events).toEqual([event]);
  });

  it("cleanup_is_audited_only_when_authorized", async () => {
    expect((await app.send("/api/tracing/cleanup?max_age_seconds=60", { method: "POST" })).status).toBe(401);
    expect((await getJson<AuditPage>(app, "/api/tracing/audit?action=cleanup")).events).toEqual([]);
    const answer = await app.send("/api/tracing/cleanup?max_age_seconds=60", { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.status).toBe(200);
    expect((await getJson<AuditPage>(app, "/api/tracing/audit?action=cleanup")).events).toHaveLength(1);
  });
});

/** Bodies over TRACEBOARD_MAX_JSON_BODY_BYTES are refused with 413 before anything is parsed or stored. */
describe("POST /api/tracing/audit over TRACEBOARD_MAX_JSON_BODY_BYTES", () => {
  const LIMIT = 2048;
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_MAX_JSON_BODY_BYTES: String(LIMIT) } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each([
    { name: "declared_content_length", chunked: false },
    { name: "chunked_without_content_length", chunked: true },
  ])("413_$name", async ({ chunked }) => {
    const body = JSON.stringify({ action: "update", description: "d".repeat(LIMIT) });
    const answer = await app.send("/api/tracing/audit", { method: "POST", body, chunked, headers: { "content-type": "application/json" } });
    expect(answer.status).toBe(413);
    const { error } = answer.json() as { error: { code: string; message: string } };
    expect(error).toEqual({ code: "payload_too_large", message: `Request body exceeds the limit of ${LIMIT} bytes (TRACEBOARD_MAX_JSON_BODY_BYTES)` });
    expect((await getJson<AuditPage>(app, "/api/tracing/audit?action=update")).events).toEqual([]);
  });

  it("201_under_the_limit", async () => {
    await record(app, { action: "read", description: "d".repeat(LIMIT / 2) });
  });
});
