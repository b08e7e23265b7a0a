import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopAllServersSync } from "@/bench/lib/servers.mjs";
import { applyPostgresMigrations } from "@/scripts/lib/postgres-migrations.mjs";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_POSTGRES_URL, type TestDatabase } from "../store/support/postgres-database";
import { assertCurrentBuild, pollUntil, startCluster, TOKENS, type AppInstance, type Cluster } from "./support/app-instances";
import { dependencyCounts, requestCounts, sortedCounts, spanCounts, traceSummary, type Counts } from "./support/expected";
import { sendUntilAcknowledged } from "./support/ingest-driver";
import { checkoutTrace, dealSpans, expiredSpans, SERVICES, traceStart, WIRE_FORMATS, type TestSpan } from "./support/workload";

/**
 * Three production app processes (`next start` of the build) on one PostgreSQL database,
 * as a team runs stateless instances behind a load balancer. Ingest goes to all three
 * round-robin, each trace's spans split across them (and across OTLP, Zipkin and the
 * native batch), while all three serve reads and append audit events. Then, from any
 * instance: nothing acknowledged is lost, summaries and roll-ups agree with the spans,
 * the audit chain verifies, and scheduled retention ran once per period, not per instance.
 */

const INSTANCES = 3;
const RETENTION_INTERVAL_S = 3;
/** Rounds of ingest: each sends TRACES_PER_ROUND traces, their spans dealt to all instances at once. */
const ROUNDS = 160;
const TRACES_PER_ROUND = 5;
const INGEST_CLIENTS = 4;
/** Traces start in the last this many minutes (plus two). */
const TRACE_WINDOW_MINUTES = 20;
const AUDIT_EVENTS_PER_INSTANCE = 15;
const AUDIT_CLIENTS_PER_INSTANCE = 3;
const EXPIRED_EVERY_MS = 250;
/** Retention is watched for at least this many periods, however fast ingest is. */
const RETENTION_PERIODS_WATCHED = 4;
const ROLLUP_CATCH_UP_MS = 60_000;
const DETAIL_CLIENTS = 6;

const MS = 1_000_000n;
const BUCKET_MS = 300_000;
/** pg_try_advisory_lock key of the roll-up maintainer (lib/store/rollups/postgres-rollup-maintainer.ts). */
const MAINTAINER_LOCK_KEY = 73_020_115;
const RETENTION_LINE = /\[traceboard\] retention \(period from (\S+)\) removed (\d+) spans before (\S+)/;

const spanKey = (span: { traceId: string; spanId: string }) => `${span.traceId}/${span.spanId}`;

/** Runs `work` on every item with at most `clients` at a time. */
async function eachLimited<T>(items: readonly T[], clients: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

interface Failure {
  instance: string;
  request: string;
  problem: string;
}

describe.skipIf(!TEST_POSTGRES_URL)(
  TEST_POSTGRES_URL ? "three app instances on one PostgreSQL" : `three app instances on one PostgreSQL (${POSTGRES_SKIP_REASON})`,
  () => {
    let database: TestDatabase;
    let cluster: Cluster | undefined;
    let sql: pg.Client;
    let instances: AppInstance[];
    /** Spans (of SERVICES) whose request got a 2xx, by trace. */
    const acknowledged = new Map<string, TestSpan[]>();
    const auditResourceIds: string[] = [];
    let loadDone = false;
    const retentionWatch = { fromMs: 0, toMs: 0 };
    /** The metrics and dependency window: whole 5-minute buckets around every trace. */
    let windowMs = { start: 0, end: 0 };

    const instanceOf = (index: number) => instances[index % INSTANCES];
    const allAcknowledged = () => [...acknowledged.values()].flat();

    beforeAll(async () => {
      process.once("exit", stopAllServersSync);
      assertCurrentBuild();
      database = await createTestDatabase();
      await applyPostgresMigrations({ url: database.url, dir: path.resolve("prisma/postgresql/migrations") });
      sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
      cluster = await startCluster(INSTANCES, database.url, {
        TRACEBOARD_RETENTION_HOURS: "1",
        TRACEBOARD_RETENTION_INTERVAL_SECONDS: String(RETENTION_INTERVAL_S),
      });
      instances = cluster.instances;
    }, 120_000);

    afterAll(async () => {
      await cluster?.stop();
      await sql?.end();
      await database?.drop();
    }, 60_000);

    it("ingestRoundRobin_whileAllServeReadsAndAuditAppends_everyRequestAnswered", async () => {
      const startedMs = Date.now();
      windowMs = {
        // traceStart: up to 2 + TRACE_WINDOW_MINUTES back, and a bucket further for a trace moved before a boundary.
        start: Math.floor((startedMs - (TRACE_WINDOW_MINUTES + 8) * 60_000) / BUCKET_MS) * BUCKET_MS,
        end: Math.ceil(startedMs / BUCKET_MS) * BUCKET_MS + BUCKET_MS,
      };
      const readFailures: Failure[] = [];
      const readsAnswered = new Map<string, number>();
      let ingesting = true;

      const ingestClient = async (client: number) => {
        for (let round = client; round < ROUNDS; round += INGEST_CLIENTS) {
          const nowNs = BigInt(Date.now()) * MS;
          const traces = Array.from({ length: TRACES_PER_ROUND }, () => checkoutTrace(traceStart(nowNs, TRACE_WINDOW_MINUTES)));
          // Every trace's spans go to all three instances at once, each in another format.
          await Promise.all(
            dealSpans(traces, INSTANCES).map(async (pile, index) => {
              await sendUntilAcknowledged(instanceOf(index), WIRE_FORMATS[(index + round) % WIRE_FORMATS.length], pile);
              for (const span of pile) acknowledged.set(span.traceId, [...(acknowledged.get(span.traceId) ?? []), span]);
            }),
          );
        }
      };

      const read = async (instance: AppInstance, request: string, check?: (body: unknown) => string | null) => {
        const answer = await instance.get(request).catch((error: Error) => ({ status: 0, text: error.message, json: () => null }));
        const problem = answer.status !== 200 ? `status ${answer.status}: ${answer.text.slice(0, 200)}` : (check?.(answer.json()) ?? null);
        if (problem) readFailures.push({ instance: instance.name, request, problem });
        const kind = request.split("?")[0].replace(/[0-9a-f]{32}$/, "{traceId}");
        readsAnswered.set(`${instance.name} ${kind}`, (readsAnswered.get(`${instance.name} ${kind}`) ?? 0) + 1);
      };

      // Each instance serves the four read APIs in turn, on traces other instances wrote.
      const reader = async (instance: AppInstance) => {
        const window = `start=${windowMs.start}&end=${windowMs.end}`;
        while (ingesting) {
          await read(instance, `/api/tracing/traces?service=mi-gateway&limit=20&${window}`);
          const traceIds = [...acknowledged.keys()];
          if (traceIds.length > 0) {
            const traceId = traceIds[Math.floor(Math.random() * traceIds.length)];
            // Spans acknowledged (by any instance) before the read was sent must be in its answer.
            const expected = (acknowledged.get(traceId) ?? []).map(spanKey);
            await read(instance, `/api/tracing/traces/${traceId}`, (body) => {
              const found = new Set((body as { spans: TestSpan[] }).spans.map(spanKey));
              const missing = expected.filter((key) => !found.has(key));
              return missing.length ? `acknowledged spans missing: ${missing.join(", ")}` : null;
            });
          }
          await read(instance, `/api/tracing/metrics?step=5m&${window}`);
          await read(instance, `/api/tracing/dependencies?${window}`);
        }
      };

      const auditClient = async (instance: AppInstance, client: number) => {
        for (let n = 0; n < AUDIT_EVENTS_PER_INSTANCE / AUDIT_CLIENTS_PER_INSTANCE; n++) {
          const resourceId = `${instance.name.replace(" ", "-")}-client-${client}-event-${n}`;
          const answer = await instance.post(
            "/api/tracing/audit",
            { action: "update", resourceType: "multi-instance-test", resourceId, userId: "mi-auditor", description: "appended concurrently through three instances" },
            TOKENS.admin,
          );
          expect(answer.status, `${instance.name} audit append: ${answer.text}`).toBe(201);
          auditResourceIds.push(resourceId);
        }
      };

      // Spans older than the retention keep arriving, so every retention period has work.
      let expiring = true;
      const sendExpired = async () => {
        for (let n = 0; expiring; n++) {
          await sendUntilAcknowledged(instanceOf(n), "native", expiredSpans(BigInt(Date.now()) * MS, 2));
          await sleep(EXPIRED_EVERY_MS);
        }
      };

      retentionWatch.fromMs = Date.now();
      const expired = sendExpired();
      expired.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
      const readers = instances.map(reader);
      try {
        await Promise.all([
          ...Array.from({ length: INGEST_CLIENTS }, (_, client) => ingestClient(client)),
          ...instances.flatMap((instance) => Array.from({ length: AUDIT_CLIENTS_PER_INSTANCE }, (_, client) => auditClient(instance, client))),
        ]);
        ingesting = false;
        await Promise.all(readers);
        const reads = [...readsAnswered.values()].reduce((sum, count) => sum + count, 0);
        console.log(`${allAcknowledged().length} spans of ${acknowledged.size} traces acknowledged in ${((Date.now() - startedMs) / 1000).toFixed(1)} s, ${reads} reads answered meanwhile`);
        await sleep(Math.max(0, retentionWatch.fromMs + RETENTION_PERIODS_WATCHED * RETENTION_INTERVAL_S * 1000 - Date.now()));
      } finally {
        // However the load ended, nothing keeps sending once this test is over.
        ingesting = false;
        expiring = false;
        await Promise.allSettled([...readers, expired]);
      }
      await expired;
      retentionWatch.toMs = Date.now();
      loadDone = true;

      expect(readFailures).toEqual([]);
      for (const instance of instances) {
        for (const kind of ["/api/tracing/traces", "/api/tracing/traces/{traceId}", "/api/tracing/metrics", "/api/tracing/dependencies"]) {
          expect(readsAnswered.get(`${instance.name} ${kind}`), `${instance.name} ${kind}`).toBeGreaterThan(0);
        }
      }
      expect(acknowledged.size).toBe(ROUNDS * TRACES_PER_ROUND);
    }, 180_000);

    it("everyAcknowledgedSpan_storedOnce_andEveryInstanceReturnsIt", async () => {
      expect(loadDone).toBe(true);
      const spans = allAcknowledged();
      const { rows } = await sql.query<{ key: string }>("SELECT trace_id || '/' || span_id AS key FROM spans WHERE service_name = ANY($1)", [[...SERVICES]]);
      expect(rows.length).toBe(spans.length);
      expect(new Set(rows.map((row) => row.key))).toEqual(new Set(spans.map(spanKey)));

      // Each trace read back through another instance than the one that wrote its root.
      const mismatches: string[] = [];
      await eachLimited([...acknowledged.entries()], DETAIL_CLIENTS, async ([traceId, sent], index) => {
        const answer = await instanceOf(index + 1).get(`/api/tracing/traces/${traceId}`);
        if (answer.status !== 200) return void mismatches.push(`${traceId}: status ${answer.status}`);
        type Stored = { spanId: string; parentSpanId: string | null; serviceName: string; name: string; kind: string; startTimeUnixNano: string; endTimeUnixNano: string; status: { code: string } };
        const stored = answer.json<{ spans: Stored[] }>().spans.map((span) => ({
          spanId: span.spanId,
          parentSpanId: span.parentSpanId,
          service: span.serviceName,
          name: span.name,
          kind: span.kind,
          startNs: span.startTimeUnixNano,
          endNs: span.endTimeUnixNano,
          error: span.status.code === "error",
        }));
        const expected = sent.map(({ spanId, parentSpanId, service, name, kind, startNs, endNs, error }) => ({
          spanId,
          parentSpanId,
          service,
          name,
          kind,
          startNs: startNs.toString(),
          endNs: endNs.toString(),
          error,
        }));
        const bySpanId = (a: { spanId: string }, b: { spanId: string }) => (a.spanId < b.spanId ? -1 : 1);
        if (JSON.stringify(stored.sort(bySpanId)) !== JSON.stringify(expected.sort(bySpanId))) mismatches.push(`${traceId}: ${JSON.stringify(stored)}`);
      });
      expect(mismatches).toEqual([]);
    }, 60_000);

    it("traceSummaries_agreeWithTheSpans_onEveryInstance", async () => {
      expect(loadDone).toBe(true);
      const expected = [...acknowledged.values()].map(traceSummary).sort((a, b) => (a.traceId < b.traceId ? -1 : 1));
      for (const instance of instances) {
        const listed: Array<Record<string, unknown> & { traceId: string; services: Array<{ name: string }> }> = [];
        let cursor: string | null = "";
        while (cursor !== null) {
          const answer = await instance.get(
            `/api/tracing/traces?service=mi-gateway&limit=1500&start=${windowMs.start}&end=${windowMs.end}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
          );
          expect(answer.status, answer.text).toBe(200);
          const page = answer.json<{ traces: typeof listed; nextCursor: string | null }>();
          listed.push(...page.traces);
          cursor = page.nextCursor;
        }
        const summaries = listed
          .map(({ traceId, rootService, rootName, hasRoot, startTimeUnixNano, endTimeUnixNano, spanCount, errorCount, services }) => ({
            traceId,
            rootService,
            rootName,
            hasRoot,
            startTimeUnixNano,
            endTimeUnixNano,
            spanCount,
            errorCount,
            services: [...services].sort((a, b) => (a.name < b.name ? -1 : 1)),
          }))
          .sort((a, b) => (a.traceId < b.traceId ? -1 : 1));
        expect(summaries, instance.name).toEqual(expected);
      }
    }, 60_000);

    it("rollups_agreeWithTheSpans_onceTheMaintainerCaughtUp", async () => {
      expect(loadDone).toBe(true);
      const spans = allAcknowledged();
      const staleBuckets = async () =>
        Number(
          (
            await sql.query<{ n: string }>(`SELECT count(*) AS n FROM rollup_changes c LEFT JOIN rollup_states s USING (bucket_start_ns)
              WHERE s.version IS DISTINCT FROM c.changes`)
          ).rows[0].n,
        );
      // No read is sent meanwhile (a read recomputes what it finds stale): this is the maintainer's work.
      expect(await pollUntil(async () => (await staleBuckets()) === 0, ROLLUP_CATCH_UP_MS), "stale roll-up buckets left").toBe(true);
      const lockHolders = await sql.query("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = $1", [MAINTAINER_LOCK_KEY]);
      expect(lockHolders.rows, "sessions holding the maintainer lock").toHaveLength(1);

      const asCounts = (rows: Array<{ key: string; count: string; errors: string }>) =>
        new Map<string, Counts>(rows.map((row) => [row.key, { count: Number(row.count), errors: Number(row.errors) }]));
      const stored = {
        requests: asCounts(
          (await sql.query(`SELECT service_name AS key, sum(span_count) AS count, sum(error_count) AS errors FROM metric_rollups
            WHERE kind = 2 AND service_name = ANY($1) GROUP BY service_name`, [[...SERVICES]])).rows,
        ),
        spans: asCounts(
          (await sql.query(`SELECT service_name AS key, sum(span_count) AS count, sum(error_count) AS errors FROM metric_rollups
            WHERE service_name = ANY($1) GROUP BY service_name`, [[...SERVICES]])).rows,
        ),
        dependencies: asCounts(
          (await sql.query(`SELECT parent_service || ' -> ' || child_service AS key, sum(call_count) AS count, sum(error_count) AS errors
            FROM dependency_rollups WHERE parent_service = ANY($1) GROUP BY parent_service, child_service`, [[...SERVICES]])).rows,
        ),
      };
      expect(sortedCounts(stored.requests)).toEqual(sortedCounts(requestCounts(spans)));
      expect(sortedCounts(stored.spans)).toEqual(sortedCounts(spanCounts(spans)));
      expect(sortedCounts(stored.dependencies)).toEqual(sortedCounts(dependencyCounts(spans)));

      // And what every instance answers from them.
      const window = `start=${windowMs.start}&end=${windowMs.end}`;
      for (const instance of instances) {
        const requests = new Map<string, Counts>();
        for (const service of SERVICES) {
          const answer = await instance.get(`/api/tracing/metrics?service=${service}&step=5m&${window}`);
          expect(answer.status, answer.text).toBe(200);
          const { series } = answer.json<{ series: Array<{ requestCount: number; errorCount: number }> }>();
          const count = series.reduce((sum, point) => sum + point.requestCount, 0);
          if (count > 0) requests.set(service, { count, errors: series.reduce((sum, point) => sum + point.errorCount, 0) });
        }
        expect(sortedCounts(requests), `${instance.name} metrics`).toEqual(sortedCounts(requestCounts(spans)));

        const answer = await instance.get(`/api/tracing/dependencies?${window}`);
        expect(answer.status, answer.text).toBe(200);
        const graph = answer.json<{
          edges: Array<{ parent: string; child: string; callCount: number; errorCount: number }>;
          nodes: Array<{ service: string; spanCount: number; errorCount: number }>;
        }>();
        const ours = (service: string) => (SERVICES as readonly string[]).includes(service);
        const edges = new Map(graph.edges.filter((edge) => ours(edge.parent)).map((edge) => [`${edge.parent} -> ${edge.child}`, { count: edge.callCount, errors: edge.errorCount }]));
        const nodes = new Map(graph.nodes.filter((node) => ours(node.service)).map((node) => [node.service, { count: node.spanCount, errors: node.errorCount }]));
        expect(sortedCounts(edges), `${instance.name} dependencies`).toEqual(sortedCounts(dependencyCounts(spans)));
        expect(sortedCounts(nodes), `${instance.name} nodes`).toEqual(sortedCounts(spanCounts(spans)));
      }
    }, 120_000);

    it("auditChain_appendedThroughThreeInstancesAtOnce_verifies", async () => {
      expect(loadDone).toBe(true);
      const verify = await instances[0].get("/api/tracing/audit/verify");
      expect(verify.status, verify.text).toBe(200);
      const report = verify.json<{ valid: boolean; checked: number; brokenCount: number; lastSeq: number; broken: unknown[] }>();
      expect(report).toMatchObject({ valid: true, brokenCount: 0, broken: [], checked: report.lastSeq });

      const listed = await instances[2].get("/api/tracing/audit?userId=mi-auditor&limit=1000");
      expect(listed.status, listed.text).toBe(200);
      const events = listed.json<{ events: Array<{ seq: number; resourceId: string }> }>().events;
      expect(events.map((event) => event.resourceId).sort()).toEqual([...auditResourceIds].sort());
      expect(auditResourceIds).toHaveLength(INSTANCES * AUDIT_EVENTS_PER_INSTANCE);
      expect(new Set(events.map((event) => event.seq)).size).toBe(events.length);
    }, 30_000);

    it("scheduledRetention_ranOncePerPeriod_notOncePerInstance", async () => {
      expect(loadDone).toBe(true);
      const runs = instances.flatMap((instance) =>
        instance.lines.flatMap((line) => {
          const match = RETENTION_LINE.exec(line);
          return match ? [{ instance: instance.name, periodMs: Date.parse(match[1]), removed: Number(match[2]), cutoff: match[3] }] : [];
        }),
      );
      // Every period that began and ended while expired spans kept arriving.
      const intervalMs = RETENTION_INTERVAL_S * 1000;
      const periods: number[] = [];
      for (let start = Math.ceil(retentionWatch.fromMs / intervalMs) * intervalMs; start + intervalMs <= retentionWatch.toMs; start += intervalMs) periods.push(start);
      expect(periods.length).toBeGreaterThanOrEqual(RETENTION_PERIODS_WATCHED - 1);
      const runsPerPeriod = periods.map((period) => ({ period: new Date(period).toISOString(), runs: runs.filter((run) => run.periodMs === period).map((run) => run.instance) }));
      expect(runsPerPeriod.filter(({ runs }) => runs.length !== 1)).toEqual([]);
      // No period (watched or not) ran twice.
      const periodsRun = runs.map((run) => run.periodMs);
      expect(new Set(periodsRun).size).toBe(periodsRun.length);

      // Each run that removed spans is recorded once in the audit trail.
      const listed = await instances[1].get("/api/tracing/audit?action=cleanup&limit=1000");
      expect(listed.status, listed.text).toBe(200);
      const scheduled = listed
        .json<{ events: Array<{ metadata: { trigger: string; cutoff: string; deletedSpans: number } }> }>()
        .events.filter((event) => event.metadata.trigger === "schedule");
      const removing = runs.filter((run) => run.removed > 0);
      expect(removing.length).toBeGreaterThanOrEqual(periods.length);
      expect(scheduled.map((event) => [event.metadata.cutoff, event.metadata.deletedSpans]).sort()).toEqual(removing.map((run) => [run.cutoff, run.removed]).sort());
    }, 30_000);
  },
);
