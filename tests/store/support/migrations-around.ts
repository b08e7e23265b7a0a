import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { readMigrations } from "@/scripts/lib/migration-files.mjs";
import { createTestDatabase } from "./postgres-database";

/** What a test undoes after it, in order. */
export type Cleanups = Array<() => Promise<void> | void>;

/** The committed migrations of `dir` before the one named `name`, and from it on. */
function migrationsAround(dir: string, name: string) {
  const all = readMigrations(path.resolve(dir));
  const at = all.findIndex((migration) => migration.name === name);
  if (at < 0) throw new Error(`no migration ${name} in ${dir}`);
  return { before: all.slice(0, at), from: all.slice(at) };
}

/** A new SQLite file migrated up to migration `name`, `before` run on it (old data), then migrated to the end. */
export function sqliteMigratedAround(name: string, before: (db: Database.Database) => void, cleanups: Cleanups): Database.Database {
  const dir = mkdtempSync(path.join(os.tmpdir(), "traceboard-migration-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = new Database(path.join(dir, "migrate.db"));
  cleanups.unshift(() => void db.close());
  const { before: older, from } = migrationsAround("prisma/migrations", name);
  for (const migration of older) db.exec(migration.sql);
  before(db);
  for (const migration of from) db.exec(migration.sql);
  return db;
}

/** The same on a new PostgreSQL database of TEST_POSTGRES_URL's server, with a connected client. */
export async function postgresMigratedAround(name: string, before: (client: pg.Client) => Promise<void>, cleanups: Cleanups): Promise<pg.Client> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  cleanups.unshift(() => client.end());
  const { before: older, from } = migrationsAround("prisma/postgresql/migrations", name);
  for (const migration of older) await client.query(migration.sql);
  await before(client);
  for (const migration of from) await client.query(migration.sql);
  return client;
}
