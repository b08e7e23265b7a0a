import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { nowUnixNano } from "@/lib/domain/clock";
import { SpanKind, StatusCode, type SpanRecord } from "@/lib/domain/span-record";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { createSpanStore } from "@/lib/store/span-store";
import { newTraceId, spanIdOf, startTestApp, type TestApp } from "../api/support/test-app";
import { createPostgresDatabase } from "../api/support/test-database";
import { expectCachedEqualsFresh } from "../api/query/support/rollup-comparison";
import { POSTGRES_SKIP_REASON, TEST_POSTGRES_URL } from "./support/postgres-database";
import { testSpan } from "./support/test-spans";

/**
 * spans and attribute_docs are partitioned by UTC day on PostgreSQL (migration
 * 20261207180000_postgres_partitions, lib/store/postgres/postgres-partitions.ts): the app
 * makes the coming days' partitions, spans land in their day's partition or the DEFAULT
 * one, and retention drops whole days, leaving summaries, roll-ups and the attribute index
 * exactly as deleting the rows would have.
 */

const DAY = 86_400_000_000_000n;
const HOUR = 3_600_000_000_000n;
const MS = 1_000_000n;
const today = () => {
  const now = nowUnixNano();
  return now - (now % DAY);
};
const dayName = (table: string, dayNs: bigint) => `${table}_p${new Date(Number(dayNs / MS)).toISOString().slice(0, 10).replaceAll("-", "")}`;

async function query<T>(app: TestApp, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: app.database.url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The partitions of `table` by name, from the catalog. */
const partitionsOf = async (app: TestApp, table: string) =>
  (await query<{ name: string }>(app, "SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = $1::regclass ORDER BY 1", [table])).map(
    (row) => row.name,
  );
/** Which table each of a trace's spans is stored in. */
const homesOf = async (app: TestApp, traceId: string) =>
  (await query<{ span_id: string; home: string }>(app, "SELECT span_id, tableoid::regclass::text AS home FROM spans WHERE trace_id = $1 ORDER BY span_id", [traceId])).map(
    (row) => [row.span_id, row.home],
  );
const relationExists = async (app: TestApp, name: string) => (await query<{ present: boolean }>(app, "SELECT to_regclass($1) IS NOT NULL AS present", [name]))[0].present;

function spanAt(traceId: string, id: number, startNs: bigint, extra: Partial<SpanRecord> = {}): SpanRecord {
  return testSpan({ traceId, spanId: spanIdOf(id), startTimeNs: startNs, endTimeNs: startNs + 5n * MS, ...extra });
}

describe.skipIf(!TEST_POSTGRES_URL)(TEST_POSTGRES_URL ? "postgresql time partitions" : `postgresql time partitions (${POSTGRES_SKIP_REASON})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ database: await createPostgresDatabase() });
  });
  afterAll(async () => {
    await app?.close();
  });
  const store = () => app.modules.getSpanStore();

  it("migration_createsTodayAndTheNextTwoDays_andADefaultPartition", async () => {
    for (const table of ["spans", "attribute_docs"]) {
      const partitions = await partitionsOf(app, table);
      for (const day of [0n, 1n, 2n]) expect(partitions).toContain(dayName(table, today() + day * DAY));
      expect(partitions).toContain(`${table}_default`);
    }
  });

  it("preparePartitions_createsEachMissingDayOnce", async () => {
    const from = today() + 10n * DAY + 7n * HOUR;
    await expect(store().preparePartitions!(from, from + 2n * DAY)).resolves.toBe(6);
    await expect(store().preparePartitions!(from, from + 2n * DAY)).resolves.toBe(0);
    for (const table of ["spans", "attribute_docs"]) {
      const partitions = await partitionsOf(app, table);
      for (const day of [10n, 11n, 12n]) expect(partitions).toContain(dayName(table, today() + day * DAY));
      expect(partitions).not.toContain(dayName(table, today() + 13n * DAY));
    }
  });

  it("twoInstancesPreparingTheSameDaysAtOnce_bothSucceed_eachDayMadeOnce", async () => {
    const instances = [0, 1].map(() => createSpanStore(resolveDatabaseTarget(app.database.url)));
    try {
      const from = today() + 20n * DAY;
      const created = await Promise.all(instances.map((instance) => instance.preparePartitions!(from, from + 3n * DAY)));
      expect(created[0] + created[1]).toBe(6);
      for (const table of ["spans", "attribute_docs"]) {
        const partitions = await partitionsOf(app, table);
        expect(partitions.filter((name) => name >= dayName(table, from) && name <= dayName(table, from + 3n * DAY))).toHaveLength(3);
      }
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  it("spansOfSeveralDays_landInTheirDayPartitions", async () => {
    const traceId = newTraceId();
    const day = today() + 10n * DAY;
    await store().preparePartitions!(day, day + 3n * DAY);
    await store().writeSpans([0n, 1n, 2n].map((n) => spanAt(traceId, Number(n), day + n * DAY + 12n * HOUR, { parentSpanId: n === 0n ? null : spanIdOf(0) })));
    expect(await homesOf(app, traceId)).toEqual([0n, 1n, 2n].map((n) => [spanIdOf(Number(n)), dayName("spans", day + n * DAY)]));
    const docs = await query<{ home: string }>(app, "SELECT tableoid::regclass::text AS home FROM attribute_docs WHERE trace_id = $1", [traceId]);
    // One document per write, filed under its latest span's day.
    expect(docs).toEqual([{ home: dayName("attribute_docs", day + 2n * DAY) }]);
    expect((await app.traceSummary(traceId)).trace).toMatchObject({ spanCount: 3, startTimeNs: day + 12n * HOUR });
  });

  it("spansFarOutside_landInTheDefaultPartition_andAreRead", async () => {
    const traceId = newTraceId();
    const old = 978_307_200_000_000_000n; // 2001-01-01
    const future = 4_102_444_800_000_000_000n; // 2100-01-01
    await store().writeSpans([spanAt(traceId, 1, old), spanAt(traceId, 2, future, { parentSpanId: spanIdOf(1) })]);
    expect(await homesOf(app, traceId)).toEqual([
      [spanIdOf(1), "spans_default"],
      [spanIdOf(2), "spans_default"],
    ]);
    expect((await app.spans({ traceId })).map((span) => span.startTimeNs)).toEqual([old, future]);
    const { readTraceSpans } = await import("@/lib/store/read/trace-spans");
    expect((await readTraceSpans(traceId)).map((span) => span.spanId).sort()).toEqual([spanIdOf(1), spanIdOf(2)]);
  });

  it("dayCreatedAfterItsSpansArrived_movesThemOutOfTheDefaultPartition", async () => {
    const traceId = newTraceId();
    const day = today() + 40n * DAY;
    const counters = () => query<{ bucket: string; changes: string }>(app, "SELECT bucket_start_ns::text AS bucket, changes::text FROM rollup_changes WHERE bucket_start_ns >= $1 AND bucket_start_ns < $2 ORDER BY 1", [day.toString(), (day + DAY).toString()]);
    await store().writeSpans([spanAt(traceId, 1, day + HOUR), spanAt(traceId, 2, day + 2n * HOUR, { parentSpanId: spanIdOf(1) })]);
    expect(await homesOf(app, traceId)).toEqual([
      [spanIdOf(1), "spans_default"],
      [spanIdOf(2), "spans_default"],
    ]);
    const before = await counters();
    await expect(store().preparePartitions!(day, day + 1n)).resolves.toBe(2);
    expect(await homesOf(app, traceId)).toEqual([
      [spanIdOf(1), dayName("spans", day)],
      [spanIdOf(2), dayName("spans", day)],
    ]);
    expect(await query(app, "SELECT tableoid::regclass::text AS home FROM attribute_docs WHERE trace_id = $1", [traceId])).toEqual([{ home: dayName("attribute_docs", day) }]);
    // Moving is not a change: no roll-up counter moved.
    expect(await counters()).toEqual(before);
    expect(before).toHaveLength(2);
  });

  it("twoInstancesRunningRetentionAtOnce_dropTheDayOnce_removeEachSpanOnce", async () => {
    const day = today() - 60n * DAY;
    await store().preparePartitions!(day, day + 1n);
    const traceId = newTraceId();
    await store().writeSpans([spanAt(traceId, 1, day + HOUR), spanAt(traceId, 2, day + 2n * HOUR, { parentSpanId: spanIdOf(1) })]);
    const cutoff = day + DAY;
    const older = async () => Number((await query<{ n: string }>(app, "SELECT count(*) AS n FROM spans WHERE start_time_ns < $1", [cutoff.toString()]))[0].n);
    const expected = await older();
    const instances = [0, 1].map(() => createSpanStore(resolveDatabaseTarget(app.database.url)));
    try {
      const removed = await Promise.all(instances.map((instance) => instance.deleteOlderThan(cutoff)));
      expect(removed[0].spans + removed[1].spans).toBe(expected);
      expect(expected).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
    expect(await older()).toBe(0);
    expect(await partitionsOf(app, "spans")).not.toContain(dayName("spans", day));
    expect(await app.traceSummary(traceId)).toEqual({ trace: null, services: [] });
  });

  it("spanResentWithAnotherStart_isAConflict_theFirstVersionKept", async () => {
    const traceId = newTraceId();
    const day = today() + 10n * DAY;
    await store().preparePartitions!(day, day + 3n * DAY);
    const first = spanAt(traceId, 1, day + HOUR);
    const moved = { ...first, startTimeNs: day + DAY + HOUR, endTimeNs: day + DAY + 2n * HOUR };
    await store().writeSpans([first]);
    // In another partition than the stored one, so only the lookup by identity can find it.
    await expect(store().writeSpans([moved, first])).resolves.toEqual({ inserted: 0, duplicates: 2, conflicts: [0] });
    // Twice in one batch with two starts: the first is stored, the other is a conflict.
    const twice = spanAt(traceId, 2, day + HOUR);
    await expect(store().writeSpans([twice, { ...twice, startTimeNs: day + 2n * DAY }])).resolves.toEqual({ inserted: 1, duplicates: 1, conflicts: [1] });
    expect((await app.spans({ traceId })).map((span) => [span.spanId, span.startTimeNs])).toEqual([
      [spanIdOf(1), day + HOUR],
      [spanIdOf(2), day + HOUR],
    ]);
    expect((await app.traceSummary(traceId)).trace).toMatchObject({ spanCount: 2 });
  });
});

/**
 * The retention scenario, written on two databases: one with day partitions for its days
 * (retention drops the oldest day whole and deletes rows only in the day straddling the
 * cutoff) and one without (every span in the DEFAULT partition, all deleted row by row, as
 * before partitioning). Both must end the same: spans, summaries, roll-ups, attribute index.
 */
describe.skipIf(!TEST_POSTGRES_URL)(TEST_POSTGRES_URL ? "postgresql retention by partition" : `postgresql retention by partition (${POSTGRES_SKIP_REASON})`, () => {
  const day0 = today() - 30n * DAY;
  const cutoff = day0 + DAY + 12n * HOUR;
  const service = `partitions-${Date.now().toString(36)}`;
  const ids = { whole: newTraceId(), straddling: newTraceId(), zipkin: newTraceId(), kept: newTraceId(), stray: newTraceId(), future: newTraceId() };
  const at = (day: bigint, hours: bigint, ms = 0n) => day0 + day * DAY + hours * HOUR + ms * MS;
  const on = (traceId: string, id: number, startNs: bigint, extra: Partial<SpanRecord> = {}) =>
    spanAt(traceId, id, startNs, { serviceName: service, resourceAttributes: { "service.name": service }, attributes: { "order.id": `${traceId}-${id}` }, ...extra });
  const scenario: SpanRecord[] = [
    // Wholly in day 0: its partition is dropped.
    on(ids.whole, 1, at(0n, 3n)),
    on(ids.whole, 2, at(0n, 3n, 10n), { parentSpanId: spanIdOf(1), serviceName: `${service}-db`, statusCode: StatusCode.ERROR }),
    on(ids.whole, 3, at(0n, 4n), { parentSpanId: spanIdOf(1), kind: SpanKind.CLIENT }),
    // Root in day 0 (dropped), a child before the cutoff in day 1 (deleted), a child after it (kept).
    on(ids.straddling, 1, at(0n, 23n)),
    on(ids.straddling, 2, at(1n, 1n), { parentSpanId: spanIdOf(1), serviceName: `${service}-api`, kind: SpanKind.CLIENT }),
    on(ids.straddling, 3, at(1n, 13n), { parentSpanId: spanIdOf(1), serviceName: `${service}-api`, statusCode: StatusCode.ERROR }),
    // Zipkin's shared span: the client half in day 0 (dropped), the server half after the cutoff (kept), with a child.
    on(ids.zipkin, 1, at(0n, 22n)),
    on(ids.zipkin, 2, at(0n, 22n, 1n), { parentSpanId: spanIdOf(1), kind: SpanKind.CLIENT }),
    on(ids.zipkin, 2, at(1n, 14n), { parentSpanId: spanIdOf(1), kind: SpanKind.SERVER, serviceName: `${service}-api` }),
    on(ids.zipkin, 3, at(1n, 14n, 1n), { parentSpanId: spanIdOf(2), kind: SpanKind.CLIENT, serviceName: `${service}-api` }),
    // Wholly after the cutoff.
    on(ids.kept, 1, at(2n, 5n)),
    on(ids.kept, 2, at(2n, 5n, 3n), { parentSpanId: spanIdOf(1), serviceName: `${service}-db` }),
    // Strays of the DEFAULT partition: one long before the cutoff (deleted), one in the future (kept).
    on(ids.stray, 1, at(-100n, 0n)),
    on(ids.future, 1, today() + 1_000n * DAY),
  ];

  /** Everything retention must leave alike, whichever way it removed the rows (doc ids and counter values aside). */
  async function stateOf(app: TestApp) {
    const traceIds = Object.values(ids);
    const rows = (sql: string) => query(app, sql, [traceIds]);
    return {
      spans: await rows("SELECT trace_id, span_id, kind, start_time_ns::text FROM spans WHERE trace_id = ANY($1) ORDER BY 1, 2, 3"),
      traces: await rows("SELECT trace_id, root_service, has_root, start_time_ns::text, span_count, error_count FROM traces WHERE trace_id = ANY($1) ORDER BY 1"),
      traceServices: await rows("SELECT trace_id, service_name, span_count, error_count FROM trace_services WHERE trace_id = ANY($1) ORDER BY 1, 2"),
      docs: await rows("SELECT trace_id, start_time_ns::text, last_start_ns::text, tokens FROM attribute_docs WHERE trace_id = ANY($1) ORDER BY 1, 2"),
      keys: await query(app, "SELECT hour_start_ns::text, service_name, scope, key, span_count FROM attribute_keys ORDER BY 1, 2, 3, 4"),
      values: await query(app, "SELECT key, scope, day_start_ns::text, value_type, value, span_count FROM attribute_values ORDER BY 1, 2, 3, 4, 5"),
      counters: await query(app, "SELECT bucket_start_ns::text FROM rollup_changes ORDER BY 1"),
      // The histogram as jsonb: its text lists buckets in whatever order the aggregate met them.
      metrics: await query(app, "SELECT *, histogram::jsonb AS histogram FROM metric_rollups ORDER BY bucket_start_ns, service_name, span_name, kind"),
      dependencies: await query(app, "SELECT * FROM dependency_rollups ORDER BY bucket_start_ns, parent_service, child_service"),
    };
  }

  /** Writes the scenario, reads its roll-ups (so there are cached ones to go stale), runs retention at the cutoff, and reads them again. */
  async function runScenario(partitioned: boolean) {
    const app = await startTestApp({ database: await createPostgresDatabase() });
    try {
      const store = app.modules.getSpanStore();
      if (partitioned) await expect(store.preparePartitions!(day0, day0 + 3n * DAY)).resolves.toBe(6);
      // Two writes, so a trace has documents of both its halves.
      await store.writeSpans(scenario.slice(0, 7));
      await store.writeSpans(scenario.slice(7));
      const range = { from: day0, to: day0 + 3n * DAY };
      await expectCachedEqualsFresh(range, HOUR);
      const before = { spans: await partitionsOf(app, "spans"), docs: await partitionsOf(app, "attribute_docs") };

      const removed = await store.deleteOlderThan(cutoff, 2);
      const { dropEmptyRollupsBefore } = await import("@/lib/store/rollups/drop-empty-rollups");
      await dropEmptyRollupsBefore(cutoff);

      const after = { spans: await partitionsOf(app, "spans"), docs: await partitionsOf(app, "attribute_docs") };
      const { candidateTraceIds } = await import("@/lib/store/read/attribute-candidates");
      const search = (traceId: string, id: number) => candidateTraceIds([{ key: "order.id", storedForms: [JSON.stringify(`${traceId}-${id}`)] }], day0 - 200n * DAY);
      const found = { whole: await search(ids.whole, 1), straddling: await search(ids.straddling, 1), kept: await search(ids.kept, 2) };
      // The buckets of the dropped day lost their roll-ups and counters, as row deletes' buckets do.
      const gone = await query<{ n: string }>(
        app,
        "SELECT (SELECT count(*) FROM metric_rollups WHERE bucket_start_ns < $1) + (SELECT count(*) FROM rollup_changes WHERE bucket_start_ns < $1) AS n",
        [(day0 + DAY).toString()],
      );
      await expectCachedEqualsFresh(range, HOUR);
      return { removed, before, after, found, gone: Number(gone[0].n), state: await stateOf(app), straddlingHomes: await homesOf(app, ids.straddling) };
    } finally {
      await app.close();
    }
  }

  let partitioned: Awaited<ReturnType<typeof runScenario>>;
  let rowByRow: Awaited<ReturnType<typeof runScenario>>;
  beforeAll(async () => {
    partitioned = await runScenario(true);
    rowByRow = await runScenario(false);
  }, 60_000);

  it("wholeDayBeforeTheCutoff_isDropped_itsTableGone", () => {
    for (const table of ["spans", "attribute_docs"]) {
      const key = table === "spans" ? "spans" : "docs";
      expect(partitioned.before[key]).toContain(dayName(table, day0));
      expect(partitioned.after[key]).not.toContain(dayName(table, day0));
      expect(partitioned.after[key]).toEqual(partitioned.before[key].filter((name) => name !== dayName(table, day0)));
    }
  });

  it("dayDroppedIsNoRelationAnyMore", async () => {
    const app = await startTestApp({ database: await createPostgresDatabase() });
    try {
      await app.modules.getSpanStore().preparePartitions!(day0, day0 + 1n);
      expect(await relationExists(app, dayName("spans", day0))).toBe(true);
      await app.modules.getSpanStore().deleteOlderThan(day0 + DAY);
      expect(await relationExists(app, dayName("spans", day0))).toBe(false);
      expect(await relationExists(app, dayName("attribute_docs", day0))).toBe(false);
    } finally {
      await app.close();
    }
  });

  it("straddlingDay_losesOnlyItsRowsBeforeTheCutoff", () => {
    expect(partitioned.straddlingHomes).toEqual([[spanIdOf(3), dayName("spans", day0 + DAY)]]);
  });

  it("removesWhatRowByRowRetentionRemoves_countsAlike", () => {
    // whole (3), straddling (2), zipkin's root and client half (2), the old stray (1); whole and stray emptied their traces.
    expect(partitioned.removed).toEqual({ spans: 8, traces: 2 });
    expect(rowByRow.removed).toEqual(partitioned.removed);
    expect(rowByRow.before.spans).not.toContain(dayName("spans", day0));
  });

  it("spansSummariesRollupsAndAttributeIndex_endAsRowByRowRetentionLeavesThem", () => {
    expect(partitioned.state.spans).toHaveLength(6);
    expect(partitioned.state).toEqual(rowByRow.state);
    expect(partitioned.gone).toBe(0);
  });

  it("attributeIndex_findsOnlyTracesWithSpansLeft", () => {
    for (const run of [partitioned, rowByRow]) {
      expect(run.found).toEqual({ whole: [], straddling: [ids.straddling], kept: [ids.kept] });
    }
  });
});
