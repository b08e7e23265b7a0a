import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { readMigrations } from "@/scripts/lib/migration-files.mjs";
import { applyPostgresMigrations } from "@/scripts/lib/postgres-migrations.mjs";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_POSTGRES_URL } from "../../store/support/postgres-database";

/** An empty database with the committed migrations applied; `url` is a DATABASE_URL. */
export interface TestDatabase {
  provider: "sqlite" | "postgresql";
  url: string;
  dispose(): Promise<void>;
}

/** A temp SQLite file, migrated by running prisma/migrations/<name>/migration.sql in order (as `migrate deploy` would). */
export async function createSqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "traceboard-api-"));
  const filename = path.join(dir, "api.db");
  const db = new Database(filename);
  for (const migration of readMigrations(path.resolve("prisma/migrations"))) db.exec(migration.sql);
  db.close();
  return { provider: "sqlite", url: `file:${filename}`, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh database on the TEST_POSTGRES_URL server, migrated by the app's own runner. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await applyPostgresMigrations({ url: database.url, dir: path.resolve("prisma/postgresql/migrations") });
  return { provider: "postgresql", url: database.url, dispose: () => database.drop() };
}

export interface DatabaseTarget {
  provider: TestDatabase["provider"];
  /** Set when this target cannot run here: the suite is skipped and its title says why. */
  skipReason: string | null;
  create(): Promise<TestDatabase>;
}

export const DATABASE_TARGETS: DatabaseTarget[] = [
  { provider: "sqlite", skipReason: null, create: createSqliteDatabase },
  { provider: "postgresql", skipReason: TEST_POSTGRES_URL ? null : POSTGRES_SKIP_REASON, create: createPostgresDatabase },
];
