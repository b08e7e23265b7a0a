import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpanKind, StatusCode, type SpanRecord } from "@/lib/domain/span-record";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { createDb, type Db } from "@/lib/store/db";
import { recomputeStale, type SqlSession } from "@/lib/store/rollups/postgres-rollups";
import { ROLLUP_BUCKET_NS } from "@/lib/store/rollups/rollup-bucket";
import { createSpanStore, type SpanStore } from "@/lib/store/span-store";
import { applyPostgresMigrations } from "@/scripts/lib/postgres-migrations.mjs";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_POSTGRES_URL, type TestDatabase } from "./support/postgres-database";
import { newTraceId, spanId, testSpan } from "./support/test-spans";

const TRACES = 12;
const SPANS_PER_TRACE = 40;
const BATCHES = 16;
const SERVICES = ["frontend", "api", "payments"];
const T0 = 1_700_000_000_000_000_000n;

/** Deterministic pseudo-random numbers in [0, 1), so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function traceSpans(traceId: string, random: () => number): SpanRecord[] {
  return Array.from({ length: SPANS_PER_TRACE }, (_, index) => {
    const start = T0 + BigInt(Math.floor(random() * 1e9));
    return testSpan({
      traceId,
      spanId: spanId(index + 1),
      parentSpanId: index === 0 ? null : spanId(1 + Math.floor(random() * index)),
      serviceName: SERVICES[Math.floor(random() * SERVICES.length)],
      name: `op-${index}`,
      startTimeNs: start,
      endTimeNs: start + BigInt(Math.floor(random() * 1e8)),
      statusCode: random() < 0.2 ? StatusCode.ERROR : StatusCode.OK,
    });
  });
}

function expectedSummary(spans: SpanRecord[]) {
  const start = spans.reduce((min, span) => (span.startTimeNs < min ? span.startTimeNs : min), spans[0].startTimeNs);
  const end = spans.reduce((max, span) => (span.endTimeNs > max ? span.endTimeNs : max), spans[0].endTimeNs);
  const root = spans.find((span) => span.parentSpanId === null)!;
  const errors = (list: SpanRecord[]) => list.filter((span) => span.statusCode === StatusCode.ERROR).length;
  const services = [...new Set(spans.map((span) => span.serviceName))].sort().map((serviceName) => {
    const own = spans.filter((span) => span.serviceName === serviceName);
    return { serviceName, startTimeNs: start, spanCount: own.length, errorCount: errors(own) };
  });
  const trace = { rootService: root.serviceName, rootName: root.name, hasRoot: true, startTimeNs: start, endTimeNs: end, durationNs: end - start, spanCount: spans.length, errorCount: errors(spans) };
  return { trace, services };
}

/** A pg client between BEGIN and COMMIT as the roll-up code's session (as the maintainer runs it). */
async function inSession<T>(client: pg.Client, work: (session: SqlSession) => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work({
      query: async <R>(sql: string, values: readonly unknown[]) => (await client.query(sql, [...values])).rows as R[],
      execute: async (sql, values) => void (await client.query(sql, [...values])),
    });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe.skipIf(!TEST_POSTGRES_URL)(TEST_POSTGRES_URL ? "postgresql concurrent writers" : `postgresql concurrent writers (${POSTGRES_SKIP_REASON})`, () => {
  let database: TestDatabase;
  let instances: SpanStore[];
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    await applyPostgresMigrations({ url: database.url, dir: path.resolve("prisma/postgresql/migrations") });
    // Two stores with their own pools stand for two app instances sharing the database.
    instances = [0, 1].map(() => createSpanStore(resolveDatabaseTarget(database.url)));
    db = createDb(resolveDatabaseTarget(database.url));
  });
  afterAll(async () => {
    await Promise.all(instances?.map((store) => store.close()) ?? []);
    await db?.$disconnect();
    await database?.drop();
  });

  it("concurrentOverlappingBatches_summariesMatchTheSpans", async () => {
    const random = seededRandom(42);
    const traces = Array.from({ length: TRACES }, () => traceSpans(newTraceId(), random));
    const unique = traces.flat();
    // Every span lands in a random batch, and one in five also in a second one (a retry racing the original).
    const batches: SpanRecord[][] = Array.from({ length: BATCHES }, () => []);
    for (const span of unique) {
      batches[Math.floor(random() * BATCHES)].push(span);
      if (random() < 0.2) batches[Math.floor(random() * BATCHES)].push(span);
    }

    const results = await Promise.all(batches.map((batch, index) => instances[index % 2].writeSpans(batch)));

    const total = batches.reduce((sum, batch) => sum + batch.length, 0);
    expect(results.reduce((sum, result) => sum + result.inserted, 0)).toBe(unique.length);
    expect(results.reduce((sum, result) => sum + result.duplicates, 0)).toBe(total - unique.length);
    for (const spans of traces) {
      const traceId = spans[0].traceId;
      const trace = await db.trace.findUniqueOrThrow({ where: { traceId }, omit: { traceId: true } });
      const services = await db.traceService.findMany({ where: { traceId }, omit: { traceId: true }, orderBy: { serviceName: "asc" } });
      expect({ trace, services }).toEqual(expectedSummary(spans));
    }
  });

  it("childCommittingAfterItsParentsBucketWasRecomputed_edgeStillCounted", async () => {
    // A caller span just before a 5-minute boundary and its callee just after: the edge
    // belongs to the caller's bucket. Written by two instances at once, neither insert's
    // trigger sees the other span, so only the caller's own insert marks that bucket.
    const boundary = 1_800_000_000_000_000_000n;
    const traceId = newTraceId();
    const caller = testSpan({ traceId, spanId: spanId(1), serviceName: "caller", kind: SpanKind.CLIENT, startTimeNs: boundary - 1_000_000n, endTimeNs: boundary + 9_000_000n });
    const callee = testSpan({ traceId, spanId: spanId(2), parentSpanId: spanId(1), serviceName: "callee", startTimeNs: boundary + 1_000_000n, endTimeNs: boundary + 8_000_000n });
    // A span of another trace gives the callee's bucket its change counter, which `locker` then holds.
    await instances[0].writeSpans([testSpan({ traceId: newTraceId(), spanId: spanId(1), startTimeNs: boundary + 5_000_000n, endTimeNs: boundary + 6_000_000n })]);
    const [locker, maintainer] = await Promise.all([connected(database.url), connected(database.url)]);
    try {
      await locker.query("BEGIN");
      await locker.query("UPDATE rollup_changes SET changes = changes WHERE bucket_start_ns = $1", [boundary.toString()]);
      // The callee's insert has run its trigger (not seeing the caller) and now waits in it.
      const calleeWrite = instances[1].writeSpans([callee]);
      while (Number((await db.$queryRawUnsafe<Array<{ n: bigint }>>("SELECT count(*) AS n FROM pg_locks WHERE NOT granted"))[0].n) === 0) await sleep(10);
      await instances[0].writeSpans([caller]);
      // The caller's bucket is recomputed while the callee's transaction is still open.
      const callerBucket = { from: boundary - ROLLUP_BUCKET_NS, to: boundary };
      const recompute = inSession(maintainer, (session) => recomputeStale(session, callerBucket));
      await sleep(200);
      await locker.query("COMMIT");
      await Promise.all([calleeWrite, recompute]);
      // Whatever is still stale is recomputed, as the maintainer would: then the edge must be there.
      await inSession(maintainer, (session) => recomputeStale(session, { from: callerBucket.from, to: boundary + ROLLUP_BUCKET_NS }));
      const edges = await db.dependencyRollup.findMany({ where: { bucketStartNs: callerBucket.from }, select: { parentService: true, childService: true, callCount: true } });
      expect(edges).toEqual([{ parentService: "caller", childService: "callee", callCount: 1 }]);
    } finally {
      await Promise.all([locker.end(), maintainer.end()]);
    }
  });
});
