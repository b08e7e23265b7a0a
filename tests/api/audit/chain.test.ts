import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { toAuditEventRow } from "@/lib/audit/audit-row";
import { chainHash } from "@/lib/audit/chain-hash";
import type { ChainVerification } from "@/lib/audit/verify-chain";
import { APPEND_LOCK_KEY } from "@/lib/store/audit/postgres-audit-writer";
import { describeOnEachDatabase } from "../support/each-database";
import { getJson, record, seqs, walkPages, type AuditEvent } from "./audit-support";

/** The hash chain: GET /api/tracing/audit/verify, rows altered behind the app's back, and concurrent appends. */

const CONCURRENT_APPENDS = 60;
const TAMPERED_SEQ = 5;

describeOnEachDatabase("audit chain", ({ app, provider }) => {
  const verify = () => getJson<ChainVerification>(app, "/api/tracing/audit/verify");
  const db = () => app.modules.getDb();
  const lastEvent = async () => (await walkPages(app, "/api/tracing/audit", 1000)).events[0];

  it("an_empty_chain_is_valid", async () => {
    expect(await verify()).toEqual({
      valid: true,
      checked: 0,
      firstBrokenSeq: null,
      reason: null,
      brokenCount: 0,
      broken: [],
      verifiedThroughSeq: null,
      lastSeq: null,
      lastHash: null,
    });
  });

  it("concurrent_appends_form_one_unbroken_chain", async () => {
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT_APPENDS }, (_, i) => app.postJson("/api/tracing/audit", { action: "create", resourceType: "widget", resourceId: `w-${i}` })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(CONCURRENT_APPENDS).fill(201));
    const stored = answers.map((answer) => answer.json() as AuditEvent).sort((a, b) => a.seq - b.seq);
    expect(seqs(stored)).toEqual(Array.from({ length: CONCURRENT_APPENDS }, (_, i) => i + 1));
    // Each answer links to the one before it: no two appends read the same head.
    for (let i = 1; i < stored.length; i += 1) expect(stored[i].prevHash).toBe(stored[i - 1].hash);
    expect(new Set(stored.map((event) => event.resourceId)).size).toBe(CONCURRENT_APPENDS);
    expect(await verify()).toEqual({
      valid: true,
      checked: CONCURRENT_APPENDS,
      firstBrokenSeq: null,
      reason: null,
      brokenCount: 0,
      broken: [],
      verifiedThroughSeq: CONCURRENT_APPENDS,
      lastSeq: CONCURRENT_APPENDS,
      lastHash: stored[stored.length - 1].hash,
    });
  });

  it("verify_reads_in_pages_and_agrees_with_one_page", async () => {
    const { verifyAuditChain } = await import("@/lib/audit/verify-chain");
    expect(await verifyAuditChain(7)).toEqual(await verify());
    expect(await verifyAuditChain(CONCURRENT_APPENDS)).toEqual(await verify());
  });

  it("an_append_reads_the_head_another_writer_left", async () => {
    const { createAuditWriter } = await import("@/lib/store/audit/audit-writer");
    const { resolveDatabaseTarget } = await import("@/lib/store/database-target");
    const other = createAuditWriter(resolveDatabaseTarget(app.database.url));
    const mine = await record(app, { action: "read" });
    const theirs = await other.append((head, timestampNs) => {
      expect(head).toEqual({ seq: mine.seq, hash: mine.hash });
      const event: AuditEvent = { ...mine, seq: mine.seq + 1, timestampUnixNano: timestampNs.toString(), action: "update", prevHash: mine.hash };
      return toAuditEventRow({ ...event, hash: chainHash(mine.hash, event) });
    });
    await other.close();
    const next = await record(app, { action: "read" });
    expect(next).toMatchObject({ seq: mine.seq + 2, prevHash: theirs.hash });
    expect((await verify()).valid).toBe(true);
  });

  describe("tampering", () => {
    let original: Awaited<ReturnType<typeof readRow>>;
    const readRow = () => db().auditEvent.findUniqueOrThrow({ where: { seq: TAMPERED_SEQ } });
    const sql = (text: string) => db().$executeRawUnsafe(text);

    beforeAll(async () => {
      original = await readRow();
    });
    afterEach(async () => {
      await sql(`DELETE FROM audit_events WHERE seq = ${TAMPERED_SEQ}`);
      await db().auditEvent.create({ data: original });
      expect((await verify()).valid).toBe(true);
    });

    /** `alsoBreaks`: a later link that breaks as a consequence (a changed hash no longer matches the next prevHash). */
    const cases: Array<{ name: string; tamper: () => Promise<unknown>; firstBrokenSeq: number; reason: RegExp; alsoBreaks?: [number, RegExp] }> = [
      {
        name: "description_changed",
        tamper: () => sql(`UPDATE audit_events SET description = 'nothing to see' WHERE seq = ${TAMPERED_SEQ}`),
        firstBrokenSeq: TAMPERED_SEQ,
        reason: /^hash mismatch/,
      },
      {
        name: "actor_changed",
        tamper: () => sql(`UPDATE audit_events SET user_id = 'mallory' WHERE seq = ${TAMPERED_SEQ}`),
        firstBrokenSeq: TAMPERED_SEQ,
        reason: /^hash mismatch/,
      },
      {
        name: "timestamp_changed",
        tamper: () => sql(`UPDATE audit_events SET timestamp_ns = timestamp_ns - 1 WHERE seq = ${TAMPERED_SEQ}`),
        firstBrokenSeq: TAMPERED_SEQ,
        reason: /^hash mismatch/,
      },
      {
        name: "hash_changed",
        tamper: () => sql(`UPDATE audit_events SET hash = '${"a".repeat(64)}' WHERE seq = ${TAMPERED_SEQ}`),
        firstBrokenSeq: TAMPERED_SEQ,
        reason: /^hash mismatch/,
        alsoBreaks: [TAMPERED_SEQ + 1, /^prevHash mismatch/],
      },
      {
        name: "event_and_its_hash_rewritten_consistently_breaks_the_next_link",
        tamper: async () => {
          const changed = { ...(await getJson<{ events: AuditEvent[] }>(app, `/api/tracing/audit?cursor=${TAMPERED_SEQ + 1}&limit=1`)).events[0] };
          changed.resourceId = "w-forged";
          const hash = chainHash(changed.prevHash, changed);
          return sql(`UPDATE audit_events SET resource_id = 'w-forged', hash = '${hash}' WHERE seq = ${TAMPERED_SEQ}`);
        },
        firstBrokenSeq: TAMPERED_SEQ + 1,
        reason: /^prevHash mismatch/,
      },
      {
        name: "middle_row_deleted",
        tamper: () => sql(`DELETE FROM audit_events WHERE seq = ${TAMPERED_SEQ}`),
        firstBrokenSeq: TAMPERED_SEQ,
        reason: /^missing: seq 5 is gone, the next event is seq 6/,
      },
      {
        name: "json_column_made_unreadable",
        tamper: () => sql(`UPDATE audit_events SET metadata = '{not json' WHERE seq = ${TAMPERED_SEQ}`),
        firstBrokenSeq: TAMPERED_SEQ,
        reason: /^unreadable/,
      },
    ];

    it.each(cases)("verify_reports_the_broken_seq_when_$name_and_walks_on_to_the_end", async ({ name, tamper, firstBrokenSeq, reason, alsoBreaks }) => {
      const head = await lastEvent();
      await tamper();
      const result = await verify();
      const rows = name === "middle_row_deleted" ? head.seq - 1 : head.seq;
      expect(result).toMatchObject({ valid: false, firstBrokenSeq, verifiedThroughSeq: firstBrokenSeq - 1, checked: rows, lastSeq: head.seq, lastHash: head.hash });
      expect(result.reason).toMatch(reason);
      const expected = [{ seq: firstBrokenSeq, reason: expect.stringMatching(reason) }];
      if (alsoBreaks) expected.push({ seq: alsoBreaks[0], reason: expect.stringMatching(alsoBreaks[1]) });
      expect(result.broken).toEqual(expected);
      expect(result.brokenCount).toBe(expected.length);
      expect(head.seq).toBeGreaterThan(firstBrokenSeq);
    });

    it("a_broken_event_does_not_hide_a_later_tamper", async () => {
      const head = await lastEvent();
      const later = head.seq - 1;
      const original = await db().auditEvent.findUniqueOrThrow({ where: { seq: later } });
      try {
        await sql(`UPDATE audit_events SET description = 'first' WHERE seq = ${TAMPERED_SEQ}`);
        await sql(`UPDATE audit_events SET user_id = 'mallory' WHERE seq = ${later}`);
        const result = await verify();
        expect(result).toMatchObject({ valid: false, firstBrokenSeq: TAMPERED_SEQ, brokenCount: 2, verifiedThroughSeq: TAMPERED_SEQ - 1 });
        expect(result.broken.map((entry) => entry.seq)).toEqual([TAMPERED_SEQ, later]);
      } finally {
        await sql(`DELETE FROM audit_events WHERE seq = ${later}`);
        await db().auditEvent.create({ data: original });
      }
    });
  });

  it("no_audit_route_exports_a_method_that_could_change_or_remove_an_event", () => {
    const auditRoutes = Object.entries(app.modules.routes).filter(([pattern]) => pattern.startsWith("/api/tracing/audit"));
    expect(auditRoutes.length).toBeGreaterThanOrEqual(8);
    for (const [pattern, module] of auditRoutes) {
      const methods = Object.keys(module).filter((key) => key !== "dynamic");
      expect(methods, pattern).toEqual(pattern === "/api/tracing/audit" ? expect.arrayContaining(["GET", "POST"]) : ["GET"]);
      expect(methods.length, pattern).toBe(pattern === "/api/tracing/audit" ? 2 : 1);
    }
  });

  it.runIf(provider === "postgresql")("an_append_waits_while_another_instance_holds_the_append_lock", async () => {
    const client = new pg.Client({ connectionString: app.database.url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [APPEND_LOCK_KEY]);
      let done = false;
      const pending = record(app, { action: "execute" }).then((event) => ((done = true), event));
      await sleep(300);
      expect(done).toBe(false);
      await client.query("COMMIT");
      const event = await pending;
      expect(event.prevHash).toBe((await walkPages(app, "/api/tracing/audit", 1000)).events[1].hash);
    } finally {
      await client.end();
    }
  });
});
