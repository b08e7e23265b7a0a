import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { readMigrations } from "@/scripts/lib/migration-files.mjs";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_POSTGRES_URL } from "./support/postgres-database";

const MIGRATION = "20261207140000_span_resources";

/** Spans as the schema before the migration held them: three sharing one pair, one with its own scope, one without a scope. */
const OLD_SPANS = [
  { span: "s1", resource: '{"service.name":"api"}', scopeName: "http", scopeVersion: "1.0" },
  { span: "s2", resource: '{"service.name":"api"}', scopeName: "http", scopeVersion: "1.0" },
  { span: "s3", resource: '{"service.name":"api"}', scopeName: "pg", scopeVersion: null },
  { span: "s4", resource: '{"service.name":"db","host.name":"h"}', scopeName: null, scopeVersion: null },
  { span: "s5", resource: '{"service.name":"api"}', scopeName: "http", scopeVersion: "1.0" },
];

const INSERT_OLD_SPAN = `INSERT INTO spans (trace_id, span_id, kind, name, service_name, start_time_ns, end_time_ns, duration_ns,
  resource_attributes, scope_name, scope_version) VALUES ('t', $1, 2, 'op', 'api', 1000, 2000, 1000, $2, $3, $4)`;
const STORED_PAIRS = `SELECT s.span_id AS span, r.attributes AS resource, r.scope_name AS "scopeName", r.scope_version AS "scopeVersion"
  FROM spans s JOIN span_resources r ON r.id = s.resource_id ORDER BY s.span_id`;

function migrationsAround(dir: string) {
  const all = readMigrations(path.resolve(dir));
  const at = all.findIndex((migration) => migration.name === MIGRATION);
  return { before: all.slice(0, at), from: all.slice(at) };
}

describe("span_resources migration carries the pairs of stored spans", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("sqlite_everySpanKeepsItsResourceAndScope", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "traceboard-resources-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = new Database(path.join(dir, "migrate.db"));
    cleanups.push(() => void db.close());
    const { before, from } = migrationsAround("prisma/migrations");
    for (const migration of before) db.exec(migration.sql);
    const insert = db.prepare(INSERT_OLD_SPAN.replace(/\$\d/g, "?"));
    for (const old of OLD_SPANS) insert.run(old.span, old.resource, old.scopeName, old.scopeVersion);
    for (const migration of from) db.exec(migration.sql);

    expect(db.prepare(STORED_PAIRS).all()).toEqual(OLD_SPANS);
    expect(db.prepare("SELECT count(*) AS n FROM span_resources").get()).toEqual({ n: 3 });
    const columns = (db.prepare("PRAGMA table_info(spans)").all() as Array<{ name: string }>).map((column) => column.name);
    expect(columns).toContain("resource_id");
    expect(columns).not.toContain("resource_attributes");
  });

  it.skipIf(!TEST_POSTGRES_URL)(TEST_POSTGRES_URL ? "postgresql_everySpanKeepsItsResourceAndScope" : `postgresql (${POSTGRES_SKIP_REASON})`, async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    cleanups.unshift(() => client.end());
    const { before, from } = migrationsAround("prisma/postgresql/migrations");
    for (const migration of before) await client.query(migration.sql);
    for (const old of OLD_SPANS) await client.query(INSERT_OLD_SPAN, [old.span, old.resource, old.scopeName, old.scopeVersion]);
    for (const migration of from) await client.query(migration.sql);

    expect((await client.query(STORED_PAIRS)).rows).toEqual(OLD_SPANS);
    expect((await client.query("SELECT count(*)::int AS n FROM span_resources")).rows).toEqual([{ n: 3 }]);
  });
});
