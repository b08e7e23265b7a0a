import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf } from "../support/test-app";
import { getJson, record, seqs, uniqueLabel, type AuditEvent, type AuditInput } from "./audit-support";

/** GET /api/tracing/audit/statistics, /audit/engagement/{id}/report and /correlate/{traceId}; cleanup runs in the trail. */

interface Statistics {
  total: number;
  byAction: Array<{ action: string; count: number }>;
  bySeverity: Array<{ severity: string; count: number }>;
  perDay: Array<{ day: string; count: number }>;
}

interface Report extends Omit<Statistics, "perDay"> {
  engagementId: string;
  actors: Array<{ userId: string | null; count: number; firstTimestampUnixNano: string; lastTimestampUnixNano: string }>;
  resources: Array<{ resourceType: string | null; resourceId: string | null; count: number; actions: string[] }>;
  timeline: AuditEvent[];
  timelineTruncated: boolean;
  firstEvent: AuditEvent;
  lastEvent: AuditEvent;
}

interface Correlation {
  traceId: string;
  trace: { traceId: string; spanCount: number; rootService: string } | null;
  auditEvents: AuditEvent[];
  nextCursor: string | null;
  trace_found: boolean;
  audit_log_count: number;
  has_span_data: boolean;
  has_audit_data: boolean;
}

const utcDay = (event: AuditEvent) => new Date(Number(BigInt(event.timestampUnixNano) / 1_000_000n)).toISOString().slice(0, 10);

// The tests' HTTP client connects over loopback, trusted here as a proxy that forwards the caller's address.
describeOnEachDatabase("audit reports", ({ app }) => {
  describe("statistics", () => {
    const events: AuditEvent[] = [];
    let window = "";

    beforeAll(async () => {
      await record(app, { action: "login" });
      await sleep(5);
      const start = Date.now();
      const bodies: AuditInput[] = [
        { action: "login" },
        { action: "login", severity: "debug" },
        { action: "update", severity: "warning" },
        { action: "access_denied", severity: "error" },
        { action: "update" },
        { action: "login" },
      ];
      for (const body of bodies) events.push(await record(app, body));
      await sleep(5);
      window = `start=${start}&end=${Date.now()}`;
      await record(app, { action: "export" });
    });

    it("counts_by_action_severity_and_day_within_the_window", async () => {
      const statistics = await getJson<Statistics>(app, `/api/tracing/audit/statistics?${window}`);
      expect(statistics).toEqual({
        total: 6,
        byAction: [
          { action: "login", count: 3 },
          { action: "update", count: 2 },
          { action: "access_denied", count: 1 },
        ],
        bySeverity: [
          { severity: "info", count: 3 },
          { severity: "debug", count: 1 },
          { severity: "error", count: 1 },
          { severity: "warning", count: 1 },
        ],
        perDay: [...new Set(events.map(utcDay))].map((day) => ({ day, count: events.filter((event) => utcDay(event) === day).length })),
      });
    });

    it("without_a_window_counts_every_event", async () => {
      const statistics = await getJson<Statistics>(app, "/api/tracing/audit/statistics");
      const all = await getJson<{ events: AuditEvent[] }>(app, "/api/tracing/audit?limit=1000");
      expect(statistics.total).toBe(all.events.length);
      expect(statistics.perDay.reduce((sum, { count }) => sum + count, 0)).toBe(all.events.length);
    });

    it("an_empty_window_has_zero_counts", async () => {
      expect(await getJson<Statistics>(app, "/api/tracing/audit/statistics?start=2001-01-01T00:00:00Z&end=2001-01-02T00:00:00Z")).toEqual({
        total: 0,
        byAction: [],
        bySeverity: [],
        perDay: [],
      });
    });

    it("a_reversed_window_is_400", async () => {
      const { error } = await getJson<{ error: { message: string } }>(app, "/api/tracing/audit/statistics?start=2026-02-01&end=2026-01-01", 400);
      expect(error.message).toMatch(/^start: start must not be after end/);
    });
  });

  describe("engagement report", () => {
    const engagementId = uniqueLabel("eng");
    const events: AuditEvent[] = [];

    beforeAll(async () => {
      const bodies: AuditInput[] = [
        { action: "login", userId: "alice", sessionId: "s1" },
        { action: "read", userId: "alice", resourceType: "invoice", resourceId: "inv-7" },
        { action: "update", userId: "alice", resourceType: "invoice", resourceId: "inv-7", before: { total: 10 }, after: { total: 12 } },
        { action: "access_denied", severity: "error", userId: "bob", resourceType: "invoice", resourceId: "inv-7" },
        { action: "export", userId: "bob", resourceType: "report", resourceId: "q3" },
        { action: "agent_action", description: "nightly reconciliation" },
      ];
      for (const body of bodies) events.push(await record(app, { ...body, engagementId }));
      await record(app, { action: "login", userId: "alice", engagementId: uniqueLabel("other-eng") });
    });

    it("summarizes_counts_actors_resources_timeline_and_first_last", async () => {
      const report = await getJson<Report>(app, `/api/tracing/audit/engagement/${engagementId}/report`);
      const at = (i: number) => events[i].timestampUnixNano;
      expect(report).toEqual({
        engagementId,
        total: 6,
        byAction: [
          { action: "access_denied", count: 1 },
          { action: "agent_action", count: 1 },
          { action: "export", count: 1 },
          { action: "login", count: 1 },
          { action: "read", count: 1 },
          { action: "update", count: 1 },
        ],
        bySeverity: [
          { severity: "info", count: 5 },
          { severity: "error", count: 1 },
        ],
        actors: [
          { userId: "alice", count: 3, firstTimestampUnixNano: at(0), lastTimestampUnixNano: at(2) },
          { userId: "bob", count: 2, firstTimestampUnixNano: at(3), lastTimestampUnixNano: at(4) },
          { userId: null, count: 1, firstTimestampUnixNano: at(5), lastTimestampUnixNano: at(5) },
        ],
        resources: [
          { resourceType: "invoice", resourceId: "inv-7", count: 3, actions: ["access_denied", "read", "update"] },
          { resourceType: "report", resourceId: "q3", count: 1, actions: ["export"] },
        ],
        timeline: events,
        timelineTruncated: false,
        firstEvent: events[0],
        lastEvent: events[5],
      });
    });

    it("limit_cuts_the_timeline_but_not_the_counts_or_the_last_event", async () => {
      const report = await getJson<Report>(app, `/api/tracing/audit/engagement/${engagementId}/report?limit=2`);
      expect(seqs(report.timeline)).toEqual(seqs(events.slice(0, 2)));
      expect(report).toMatchObject({ total: 6, timelineTruncated: true, firstEvent: events[0], lastEvent: events[5] });
    });

    it("an_unknown_engagement_is_404", async () => {
      const { error } = await getJson<{ error: { code: string } }>(app, `/api/tracing/audit/engagement/${uniqueLabel("nope")}/report`, 404);
      expect(error.code).toBe("not_found");
    });

    it.each(["limit=0", "limit=5001", "limit=x"])("400_for_%s", async (query) => {
      const { error } = await getJson<{ error: { message: string } }>(app, `/api/tracing/audit/engagement/${engagementId}/report?${query}`, 400);
      expect(error.message).toMatch(/^limit: /);
    });
  });

  describe("correlate", () => {
    const start = 1_795_712_400_000_000_000n;
    const withSpans = newTraceId();
    const spansOnly = newTraceId();
    const auditOnly = newTraceId();
    let linked: AuditEvent[] = [];

    beforeAll(async () => {
      for (const traceId of [withSpans, spansOnly]) {
        const spans = [
          otlpSpan({ traceId, spanId: spanIdOf(1), name: "POST /checkout", kind: 2, start, end: start + 2_000_000n }),
          otlpSpan({ traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: "charge", start: start + 1n, end: start + 1_000_000n }),
        ];
        expect((await app.postJson("/v1/traces", otlpRequest("checkout", spans))).status).toBe(200);
      }
      linked = [
        await record(app, { action: "create", resourceType: "order", resourceId: "o-1", traceId: withSpans, spanId: spanIdOf(1) }),
        await record(app, { action: "update", resourceType: "order", resourceId: "o-1", traceId: withSpans, spanId: spanIdOf(2) }),
        await record(app, { action: "execute", traceId: withSpans }),
      ].reverse();
      await record(app, { action: "read", traceId: auditOnly });
    });

    it("a_trace_with_spans_and_audit_events", async () => {
      const answer = await getJson<Correlation>(app, `/api/tracing/correlate/${withSpans}`);
      expect(answer).toMatchObject({
        traceId: withSpans,
        trace: { traceId: withSpans, spanCount: 2, rootService: "checkout" },
        auditEvents: linked,
        nextCursor: null,
        trace_found: true,
        audit_log_count: 3,
        has_span_data: true,
        has_audit_data: true,
      });
    });

    it("audit_events_page_while_the_count_covers_all", async () => {
      const first = await getJson<Correlation>(app, `/api/tracing/correlate/${withSpans}?limit=2`);
      expect(seqs(first.auditEvents)).toEqual(seqs(linked.slice(0, 2)));
      expect(first.audit_log_count).toBe(3);
      const second = await getJson<Correlation>(app, `/api/tracing/correlate/${withSpans}?limit=2&cursor=${first.nextCursor}`);
      expect(seqs(second.auditEvents)).toEqual(seqs(linked.slice(2)));
      expect(second.nextCursor).toBeNull();
    });

    it.each([
      { name: "spans_only", traceId: () => spansOnly, flags: { trace_found: true, has_span_data: true, audit_log_count: 0, has_audit_data: false } },
      { name: "audit_only", traceId: () => auditOnly, flags: { trace_found: false, has_span_data: false, audit_log_count: 1, has_audit_data: true } },
      { name: "unknown_is_200_with_every_flag_false", traceId: () => newTraceId(), flags: { trace_found: false, has_span_data: false, audit_log_count: 0, has_audit_data: false } },
    ])("flags_for_$name", async ({ traceId: idOf, flags }) => {
      const traceId = idOf();
      const answer = await getJson<Correlation>(app, `/api/tracing/correlate/${traceId}`);
      expect(answer).toMatchObject({ traceId, ...flags });
      expect(answer.trace === null).toBe(!flags.trace_found);
      expect(answer.auditEvents).toHaveLength(flags.audit_log_count);
    });

    it.each(["not-a-trace", "0".repeat(32), "abc"])("400_for_trace_id_%s", async (traceId) => {
      const { error } = await getJson<{ error: { message: string } }>(app, `/api/tracing/correlate/${traceId}`, 400);
      expect(error.message).toMatch(/^traceId: /);
    });
  });

  describe("cleanup runs", () => {
    it("post_cleanup_records_a_cleanup_event_with_what_it_removed_and_who_asked", async () => {
      const old = BigInt(Date.now() - 3 * 3600_000) * 1_000_000n;
      const traceId = newTraceId();
      const spans = [otlpSpan({ traceId, spanId: spanIdOf(1), name: "old", start: old, end: old + 1_000n })];
      expect((await app.postJson("/v1/traces", otlpRequest("retention", spans))).status).toBe(200);
      const answer = await app.send("/api/tracing/cleanup?max_age_seconds=3600", {
        method: "POST",
        headers: { "x-user-id": "ops-oncall", "user-agent": "ops-cli/2", "x-forwarded-for": "192.0.2.10" },
      });
      expect(answer.status).toBe(200);
      const result = answer.json() as { deletedSpans: number; deletedTraces: number; cutoff: string };
      expect(result.deletedSpans).toBeGreaterThanOrEqual(1);
      const [event] = (await getJson<{ events: AuditEvent[] }>(app, "/api/tracing/audit?action=cleanup&limit=1")).events;
      expect(event).toMatchObject({
        action: "cleanup",
        severity: "info",
        resourceType: "spans",
        userId: "ops-oncall",
        userAgent: "ops-cli/2",
        ipAddress: "192.0.2.10",
        traceId: answer.headers["x-trace-id"],
        metadata: { trigger: "api", maxAgeSeconds: 3600, ...result },
      });
      expect(event.description).toContain(`Removed ${result.deletedSpans} spans`);
    });
  });
}, { TRACEBOARD_TRUSTED_PROXIES: "127.0.0.1,::1" });
