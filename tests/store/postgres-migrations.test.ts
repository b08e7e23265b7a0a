import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyPostgresMigrations, MigrationChecksumError } from "@/scripts/lib/postgres-migrations.mjs";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_POSTGRES_URL, type TestDatabase } from "./support/postgres-database";

const COMMITTED = path.resolve("prisma/postgresql/migrations");
const INIT = "20261126000000_init";
/** Every committed migration, in the order the runner applies them. */
const COMMITTED_NAMES = readdirSync(COMMITTED, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
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

  it("twoRunnersStartingTogether_applyEachMigrationOnce", async () => {
    addMigration("20261201000000_slow", "SELECT pg_sleep(0.3); CREATE TABLE slow_one (id int);");
    const results = await Promise.all([0, 1].map(() => applyPostgresMigrations({ url: database.url, dir })));
    expect(results.map((result) => result.applied).sort((a, b) => b.length - a.length)).toEqual([[INIT, "20261201000000_slow"], []]);
    expect(await history()).toHaveLength(2);
  });
});
