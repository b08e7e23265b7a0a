import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { createDb } from "@/lib/store/db";
import { createSpanStore } from "@/lib/store/span-store";
import { applyPostgresMigrations, MigrationChecksumError } from "@/scripts/lib/postgres-migrations.mjs";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_POSTGRES_URL, type TestDatabase } from "./support/postgres-database";
import { newTraceId, spanId, testSpan } from "./support/test-spans";

const COMMITTED = path.resolve("prisma/postgresql/migrations");
const INIT = "20261126000000_init";
/** Every committed migration, in the order the runner applies them. */
const COMMITTED_NAMES = readdirSync(COMMITTED, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const PARTITIONS = "20261207180000_postgres_partitions";
/** Prisma Migrate's advisory lock key, which the runner shares. */
const MIGRATE_LOCK_KEY = 72707369;

describe.skipIf(!TEST_POSTGRES_URL)(TEST_POSTGRES_URL ? "postgresql migration runner" : `postgresql migration runner (${POSTGRES_SKIP_REASON})`, () => {
  let database: TestDatabase;
  let dir: string;
  let client: pg.Client;

  beforeEach(async () => {
    database = await createTestDatabase();
    // The runner's own tests start from the first migration only, so later committed ones cannot change them.
    dir = mkdtempSync(path.join(os.tmpdir(), "traceboard-migrations-"));
    cpSync(path.join(COMMITTED, INIT), path.join(dir, INIT), { recursive: true });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const addMigration = (name: string, sql: string) => {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  };
  const history = async () =>
    (await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`)).rows;
  const tableExists = async (table: string) =>
    (await client.query("SELECT to_regclass($1) IS NOT NULL AS present", [table])).rows[0].present as boolean;

  it("appliesCommittedMigrations_recordsThemLikePrisma", async () => {
    await expect(applyPostgresMigrations({ url: database.url, dir: COMMITTED })).resolves.toEqual({ applied: COMMITTED_NAMES });
    for (const table of ["spans", "traces", "trace_services", "operations", "audit_events"]) expect(await tableExists(table)).toBe(true);
    const checksum = (name: string) => createHash("sha256").update(readFileSync(path.join(COMMITTED, name, "migration.sql"))).digest("hex");
    expect(await history()).toEqual(
      COMMITTED_NAMES.map((name) => ({ migration_name: name, checksum: checksum(name), finished_at: expect.any(Date), applied_steps_count: 1 })),
    );
  });

  it("secondRun_appliesNothing", async () => {
    await applyPostgresMigrations({ url: database.url, dir });
    addMigration("20261201000000_add_note", "ALTER TABLE traces ADD COLUMN note TEXT;");
    await expect(applyPostgresMigrations({ url: database.url, dir })).resolves.toEqual({ applied: ["20261201000000_add_note"] });
    await expect(applyPostgresMigrations({ url: database.url, dir })).resolves.toEqual({ applied: [] });
    expect((await history()).map((row) => row.migration_name)).toEqual([INIT, "20261201000000_add_note"]);
  });

  it("changedAppliedMigration_refusedBeforeApplyingAnything", async () => {
    await applyPostgresMigrations({ url: database.url, dir });
    appendFileSync(path.join(dir, INIT, "migration.sql"), "\n-- edited after it was applied\n");
    addMigration("20261201000000_add_note", "ALTER TABLE traces ADD COLUMN note TEXT;");
    const run = applyPostgresMigrations({ url: database.url, dir });
    await expect(run).rejects.toThrow(MigrationChecksumError);
    await expect(run).rejects.toThrow(new RegExp(`migration ${INIT} was applied with checksum [0-9a-f]{64}`));
    expect(await history()).toHaveLength(1);
  });

  it("failingMigration_rolledBackAndNotRecorded", async () => {
    addMigration("20261201000000_broken", "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;");
    await expect(applyPostgresMigrations({ url: database.url, dir })).rejects.toThrow(/migration 20261201000000_broken failed and was rolled back: .*no_such_table/);
    expect(await tableExists("half_done")).toBe(false);
    expect((await history()).map((row) => row.migration_name)).toEqual([INIT]);
  });

  it("advisoryLock_runnersTakeTurns", async () => {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
    const waiting = applyPostgresMigrations({ url: database.url, dir });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await tableExists("_prisma_migrations")).toBe(false);
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK_KEY]);
    await expect(waiting).resolves.toEqual({ applied: [INIT] });
  });

  // The schema Prisma reads must name the key the migrations made (prisma migrate diff
  // compares the two when the next migration is written).
  it("primaryKeys_areThoseThePrismaSchemaDeclares", async () => {
    await applyPostgresMigrations({ url: database.url, dir: COMMITTED });
    const schema = readFileSync("prisma/postgresql/schema.prisma", "utf8");
    for (const [, body] of schema.matchAll(/\nmodel \w+ \{\n([\s\S]*?)\n\}/g)) {
      const table = /@@map\("(\w+)"\)/.exec(body)![1];
      const columnOf = (field: string) => new RegExp(`^\\s*${field}\\s.*@map\\("(\\w+)"\\)`, "m").exec(body)?.[1] ?? field;
      const compound = /@@id\(\[([^\]]+)\]\)/.exec(body);
      const declared = compound ? compound[1].split(",").map((field) => columnOf(field.trim())) : [columnOf(/^\s*(\w+)\s.*@id\b/m.exec(body)![1])];
      const { rows } = await client.query<{ columns: string[] }>(
        `SELECT array_agg(a.attname::text ORDER BY k.position) AS columns FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
         WHERE i.indrelid = $1::regclass AND i.indisprimary`,
        [table],
      );
      expect(rows[0].columns, table).toEqual(declared);
    }
  });

  // The partitioning migration must take a database holding data, whatever columns the
  // migrations before it gave spans (another migration may add some), and leave it working.
  it("partitioningMigration_keepsStoredSpansAndColumns_andTheStoreWorksAfter", async () => {
    const DAY = 86_400_000_000_000n;
    const before = COMMITTED_NAMES.filter((name) => name < PARTITIONS);
    for (const name of before) cpSync(path.join(COMMITTED, name), path.join(dir, name), { recursive: true });
    addMigration("20261207170000_extra_column", "ALTER TABLE spans ADD COLUMN note TEXT NOT NULL DEFAULT 'n/a'; CREATE INDEX spans_note_idx ON spans (note);");
    await applyPostgresMigrations({ url: database.url, dir });

    const { rows: clock } = await client.query<{ today: string }>("SELECT (floor(extract(epoch FROM now()))::bigint / 86400 * 86400000000000)::text AS today");
    const today = BigInt(clock[0].today);
    const traceId = newTraceId();
    // Spans of the last three days, one long ago and one far ahead, as the store before partitioning wrote them.
    const days = [-2n, -1n, 0n, -60n, 400n];
    const { rows: resources } = await client.query<{ id: number }>(
      "INSERT INTO span_resources (digest, attributes) VALUES ('partitioning-test', '{\"service.name\":\"svc\"}') RETURNING id",
    );
    for (const [index, day] of days.entries()) {
      const start = today + day * DAY + 3_600_000_000_000n;
      await client.query(
        `INSERT INTO spans (trace_id, span_id, kind, parent_span_id, name, service_name, start_time_ns, end_time_ns, duration_ns, note, resource_id)
         VALUES ($1, $2, 2, $3, 'op', 'svc', $4, $5, 1000, $6, $7)`,
        [traceId, spanId(index + 1), index === 0 ? null : spanId(1), start.toString(), (start + 1000n).toString(), `note ${index}`, resources[0].id],
      );
    }
    const first = today - 2n * DAY + 3_600_000_000_000n;
    await client.query(
      `INSERT INTO traces (trace_id, root_service, root_name, has_root, start_time_ns, end_time_ns, duration_ns, span_count, error_count)
       VALUES ($1, 'svc', 'op', true, $2, $3, 0, 5, 0)`,
      [traceId, (today - 60n * DAY).toString(), (today + 401n * DAY).toString()],
    );
    await client.query("INSERT INTO trace_services VALUES ($1, 'svc', $2, 5, 0)", [traceId, first.toString()]);
    await client.query("INSERT INTO attribute_docs (trace_id, start_time_ns, last_start_ns, tokens) VALUES ($1, $2, $2, '{7,8}')", [traceId, first.toString()]);
    const counters = async () => (await client.query("SELECT bucket_start_ns::text, changes::text FROM rollup_changes ORDER BY 1")).rows;
    const countersBefore = await counters();
    expect(countersBefore).toHaveLength(5);

    cpSync(path.join(COMMITTED, PARTITIONS), path.join(dir, PARTITIONS), { recursive: true });
    await expect(applyPostgresMigrations({ url: database.url, dir })).resolves.toEqual({ applied: [PARTITIONS] });

    const stored = await client.query("SELECT span_id, note, tableoid::regclass::text AS home FROM spans WHERE trace_id = $1 ORDER BY span_id", [traceId]);
    const partitionOf = (day: bigint) => `spans_p${new Date(Number((today + day * DAY) / 1_000_000n)).toISOString().slice(0, 10).replaceAll("-", "")}`;
    expect(stored.rows).toEqual([
      { span_id: spanId(1), note: "note 0", home: partitionOf(-2n) },
      { span_id: spanId(2), note: "note 1", home: partitionOf(-1n) },
      { span_id: spanId(3), note: "note 2", home: partitionOf(0n) },
      { span_id: spanId(4), note: "note 3", home: "spans_default" },
      { span_id: spanId(5), note: "note 4", home: "spans_default" },
    ]);
    // The added column keeps its default and its index; copying fired no roll-up trigger.
    expect((await client.query("SELECT pg_get_expr(adbin, adrelid) AS expr FROM pg_attrdef WHERE adrelid = 'spans'::regclass")).rows).toEqual([
      { expr: "0" },
      { expr: "'{}'::text" },
      { expr: "'[]'::text" },
      { expr: "'[]'::text" },
      { expr: "'n/a'::text" },
    ]);
    expect(await tableExists("spans_note_idx")).toBe(true);
    expect(await tableExists("spans_unpartitioned")).toBe(false);
    expect(await counters()).toEqual(countersBefore);
    const triggers = await client.query("SELECT tgname FROM pg_trigger WHERE tgrelid = 'spans'::regclass AND NOT tgisinternal ORDER BY 1");
    expect(triggers.rows.map((row) => row.tgname)).toEqual(["spans_rollup_changes_delete", "spans_rollup_changes_insert"]);
    expect((await client.query("SELECT tableoid::regclass::text AS home FROM attribute_docs")).rows).toEqual([{ home: partitionOf(-2n).replace("spans", "attribute_docs") }]);

    // The store writes and reads it: a child of the migrated root, its document after the old one's.
    const target = resolveDatabaseTarget(database.url);
    const store = createSpanStore(target);
    const db = createDb(target);
    try {
      const child = testSpan({ traceId, spanId: spanId(9), parentSpanId: spanId(1), serviceName: "svc", startTimeNs: today + 7_200_000_000_000n, endTimeNs: today + 7_200_000_001_000n });
      await expect(store.writeSpans([child])).resolves.toEqual({ inserted: 1, duplicates: 0, conflicts: [] });
      await expect(store.writeSpans([{ ...child, startTimeNs: child.startTimeNs + 1n }])).resolves.toEqual({ inserted: 0, duplicates: 1, conflicts: [0] });
      expect((await db.span.findMany({ where: { traceId }, orderBy: { spanId: "asc" } })).map((span) => span.spanId)).toEqual([1, 2, 3, 4, 5, 9].map(spanId));
      expect(await db.trace.findUnique({ where: { traceId } })).toMatchObject({ spanCount: 6 });
      const docs = await client.query("SELECT doc_id::int AS id FROM attribute_docs ORDER BY doc_id");
      expect(docs.rows.map((row) => row.id)).toEqual([1, 2]);
      // The new span's bucket and its parent's (the migrated root, two days back) were counted.
      const bucket = (ns: bigint) => ((ns / 300_000_000_000n) * 300_000_000_000n).toString();
      const changes = (rows: Array<{ bucket_start_ns: string; changes: string }>, ns: bigint) => rows.find((row) => row.bucket_start_ns === bucket(ns))?.changes;
      const after = await counters();
      expect(changes(after, child.startTimeNs)).toBe("1");
      expect(Number(changes(after, first))).toBe(Number(changes(countersBefore, first)) + 1);
    } finally {
      await store.close();
      await db.$disconnect();
    }
  });

  it("twoRunnersStartingTogether_applyEachMigrationOnce", async () => {
    addMigration("20261201000000_slow", "SELECT pg_sleep(0.3); CREATE TABLE slow_one (id int);");
    const results = await Promise.all([0, 1].map(() => applyPostgresMigrations({ url: database.url, dir })));
    expect(results.map((result) => result.applied).sort((a, b) => b.length - a.length)).toEqual([[INIT, "20261201000000_slow"], []]);
    expect(await history()).toHaveLength(2);
  });
});
