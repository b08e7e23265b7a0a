import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId } from "../support/test-app";
import { getJson, record, seqs, walkPages, type AuditEvent, type AuditInput, type AuditPage } from "./audit-support";

/** GET /api/tracing/audit and its filtered views, over a fixed set of events recorded in two time batches. */

const TRACE_A = newTraceId();
const TRACE_B = newTraceId();

const EARLY: AuditInput[] = [
  { action: "login", userId: "alice", sessionId: "s-alice-1", traceId: TRACE_A },
  { action: "read", resourceType: "order", resourceId: "o-1", userId: "alice", sessionId: "s-alice-1", engagementId: "eng-1", traceId: TRACE_A },
  { action: "update", severity: "warning", resourceType: "order", resourceId: "o-1", userId: "alice", sessionId: "s-alice-1", engagementId: "eng-1", traceId: TRACE_A },
  { action: "login", userId: "bob", sessionId: "s-bob-1" },
  { action: "access_denied", severity: "error", resourceType: "order", resourceId: "o-2", userId: "bob", sessionId: "s-bob-1", engagementId: "eng-1" },
  { action: "export", resourceType: "report", resourceId: "r-9", userId: "bob", sessionId: "s-bob-1", engagementId: "eng-2", traceId: TRACE_B },
];
const LATE: AuditInput[] = [
  { action: "update", resourceType: "order", resourceId: "o-2", userId: "carol", engagementId: "eng-1", traceId: TRACE_B },
  { action: "delete", severity: "critical", resourceType: "order", resourceId: "o-1", userId: "alice", sessionId: "s-alice-2", engagementId: "eng-1" },
  { action: "config_change", severity: "warning", resourceType: "setting", resourceId: "retention", userId: "carol" },
  { action: "logout", userId: "alice", sessionId: "s-alice-2" },
  { action: "export", resourceType: "file", resourceId: "reports/Q3 2026", userId: "carol" },
];

describeOnEachDatabase("GET /api/tracing/audit", ({ app }) => {
  let all: AuditEvent[] = [];
  /** The first unix millisecond after every early event and before every late one. */
  let boundaryMs = 0;

  beforeAll(async () => {
    const early: AuditEvent[] = [];
    for (const body of EARLY) early.push(await record(app, body));
    await sleep(5);
    boundaryMs = Date.now();
    await sleep(5);
    const late: AuditEvent[] = [];
    for (const body of LATE) late.push(await record(app, body));
    all = [...early, ...late].reverse();
  });

  /** The recorded events `keep` selects, newest first: what a listing must answer. */
  const expected = (keep: (event: AuditEvent) => boolean) => seqs(all.filter(keep));
  const isLate = (event: AuditEvent) => BigInt(event.timestampUnixNano) >= BigInt(boundaryMs) * 1_000_000n;

  const filters: Array<{ name: string; query: () => string; keep: (event: AuditEvent) => boolean }> = [
    { name: "none", query: () => "", keep: () => true },
    { name: "action", query: () => "action=login", keep: (e) => e.action === "login" },
    { name: "severity", query: () => "severity=warning", keep: (e) => e.severity === "warning" },
    { name: "resourceType", query: () => "resourceType=order", keep: (e) => e.resourceType === "order" },
    { name: "resourceId", query: () => "resourceId=o-1", keep: (e) => e.resourceId === "o-1" },
    { name: "userId", query: () => "userId=bob", keep: (e) => e.userId === "bob" },
    { name: "sessionId", query: () => "sessionId=s-alice-1", keep: (e) => e.sessionId === "s-alice-1" },
    { name: "engagementId", query: () => "engagementId=eng-1", keep: (e) => e.engagementId === "eng-1" },
    { name: "traceId", query: () => `traceId=${TRACE_B}`, keep: (e) => e.traceId === TRACE_B },
    { name: "traceId_uppercase", query: () => `traceId=${TRACE_A.toUpperCase()}`, keep: (e) => e.traceId === TRACE_A },
    { name: "start_unix_ms", query: () => `start=${boundaryMs}`, keep: isLate },
    { name: "end_iso", query: () => `end=${new Date(boundaryMs).toISOString()}`, keep: (e) => !isLate(e) },
    { name: "start_and_end_around_everything", query: () => `start=${boundaryMs - 60_000}&end=${boundaryMs + 60_000}`, keep: () => true },
    { name: "resource_type_and_id_and_action", query: () => "resourceType=order&resourceId=o-1&action=update", keep: (e) => e.resourceId === "o-1" && e.action === "update" },
    { name: "engagement_and_user_and_start", query: () => `engagementId=eng-1&userId=alice&start=${boundaryMs}`, keep: (e) => e.engagementId === "eng-1" && e.userId === "alice" && isLate(e) },
    { name: "severity_and_user", query: () => "severity=error&userId=bob", keep: (e) => e.severity === "error" && e.userId === "bob" },
    { name: "no_match", query: () => "userId=alice&action=export", keep: () => false },
  ];

  it.each(filters)("filter_$name", async ({ query, keep }) => {
    const page = await getJson<AuditPage>(app, `/api/tracing/audit?${query()}`);
    expect(seqs(page.events)).toEqual(expected(keep));
    expect(page.nextCursor).toBeNull();
  });

  it("events_are_answered_in_full_newest_first", async () => {
    expect((await getJson<AuditPage>(app, "/api/tracing/audit")).events).toEqual(all);
  });

  const views: Array<{ name: string; path: () => string; keep: (event: AuditEvent) => boolean }> = [
    { name: "trace", path: () => `/api/tracing/audit/trace/${TRACE_A}`, keep: (e) => e.traceId === TRACE_A },
    { name: "user", path: () => "/api/tracing/audit/user/alice", keep: (e) => e.userId === "alice" },
    { name: "session", path: () => "/api/tracing/audit/session/s-bob-1", keep: (e) => e.sessionId === "s-bob-1" },
    { name: "resource", path: () => "/api/tracing/audit/resource/order/o-2", keep: (e) => e.resourceType === "order" && e.resourceId === "o-2" },
    { name: "resource_escaped_segments", path: () => `/api/tracing/audit/resource/file/${encodeURIComponent("reports/Q3 2026")}`, keep: (e) => e.resourceType === "file" },
    { name: "user_with_action_filter", path: () => "/api/tracing/audit/user/alice?action=login", keep: (e) => e.userId === "alice" && e.action === "login" },
    { name: "session_with_start", path: () => `/api/tracing/audit/session/s-alice-2?start=${boundaryMs}`, keep: (e) => e.sessionId === "s-alice-2" },
    { name: "trace_with_severity", path: () => `/api/tracing/audit/trace/${TRACE_A}?severity=warning`, keep: (e) => e.traceId === TRACE_A && e.severity === "warning" },
    { name: "unknown_user", path: () => "/api/tracing/audit/user/nobody", keep: () => false },
  ];
  it.each(views)("view_$name", async ({ path, keep }) => {
    expect(seqs((await getJson<AuditPage>(app, path())).events)).toEqual(expected(keep));
  });

  it("a_view_ignores_a_query_parameter_for_the_field_its_path_fixes", async () => {
    const page = await getJson<AuditPage>(app, "/api/tracing/audit/user/carol?userId=alice");
    expect(seqs(page.events)).toEqual(expected((e) => e.userId === "carol"));
  });

  it.each([
    { name: "everything_by_3", path: "/api/tracing/audit", limit: 3, keep: () => true },
    { name: "everything_by_1", path: "/api/tracing/audit", limit: 1, keep: () => true },
    { name: "exact_multiple_of_the_limit", path: "/api/tracing/audit", limit: 5, keep: () => true },
    { name: "filtered_by_2", path: "/api/tracing/audit?engagementId=eng-1", limit: 2, keep: (e: AuditEvent) => e.engagementId === "eng-1" },
    { name: "view_by_2", path: "/api/tracing/audit/user/alice", limit: 2, keep: (e: AuditEvent) => e.userId === "alice" },
  ])("pagination_returns_every_event_exactly_once_in_order_$name", async ({ path, limit, keep }) => {
    const { events, pages } = await walkPages(app, path, limit);
    expect(seqs(events)).toEqual(expected(keep));
    expect(pages).toBe(Math.max(1, Math.ceil(expected(keep).length / limit)));
  });

  it("limit_defaults_to_50", async () => {
    for (let i = 0; i < 45; i += 1) await record(app, { action: "read", resourceType: "bulk" });
    const page = await getJson<AuditPage>(app, "/api/tracing/audit");
    expect(page.events).toHaveLength(50);
    expect(page.nextCursor).toBe(String(page.events[49].seq));
  });

  const invalid: Array<{ name: string; path: string; message: RegExp }> = [
    { name: "unknown_action_lists_the_valid_ones", path: "/api/tracing/audit?action=hack", message: /^action: .*"create"\|"read"\|.*"agent_action"/ },
    { name: "unknown_severity", path: "/api/tracing/audit?severity=fatal", message: /^severity: .*"critical"/ },
    { name: "repeated_action", path: "/api/tracing/audit?action=login&action=logout", message: /^action: / },
    { name: "limit_zero", path: "/api/tracing/audit?limit=0", message: /^limit: / },
    { name: "limit_too_large", path: "/api/tracing/audit?limit=1001", message: /^limit: / },
    { name: "limit_not_a_number", path: "/api/tracing/audit?limit=ten", message: /^limit: / },
    { name: "cursor_not_a_cursor", path: "/api/tracing/audit?cursor=abc", message: /^cursor: expected the nextCursor/ },
    { name: "start_not_a_time", path: "/api/tracing/audit?start=yesterday", message: /^start: invalid time/ },
    { name: "start_after_end", path: "/api/tracing/audit?start=2026-11-27T00:00:00Z&end=2026-11-26T00:00:00Z", message: /^start: start must not be after end/ },
    { name: "trace_id_filter", path: "/api/tracing/audit?traceId=123", message: /^traceId: expected a trace-id/ },
    { name: "trace_view_bad_id", path: "/api/tracing/audit/trace/not-a-trace", message: /^traceId: expected a trace-id/ },
    { name: "view_bad_query", path: "/api/tracing/audit/user/alice?severity=loud", message: /^severity: / },
    { name: "resource_id_too_long", path: `/api/tracing/audit/resource/order/${"x".repeat(257)}`, message: /^id: / },
  ];
  it.each(invalid)("400_$name", async ({ path, message }) => {
    const { error } = await getJson<{ error: { code: string; message: string } }>(app, path, 400);
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(message);
  });
});
