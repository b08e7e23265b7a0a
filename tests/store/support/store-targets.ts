import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { readMigrations } from "@/scripts/lib/migration-files.mjs";
import { applyPostgresMigrations } from "@/scripts/lib/postgres-migrations.mjs";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { createDb, type Db } from "@/lib/store/db";
import { createSpanStore, type SpanStore } from "@/lib/store/span-store";
import { createTestDatabase, POSTGRES_SKIP_REASON, TEST_POSTGRES_URL } from "./postgres-database";

/** A migrated, empty database with the span store and a Prisma client on it. */
export interface OpenStore {
  url: string;
  store: SpanStore;
  db: Db;
  dispose(): Promise<void>;
}

export interface StoreTarget {
  provider: "sqlite" | "postgresql";
  /** Set when this target cannot run here; the suite is skipped and says why. */
  skipReason: string | null;
  open(): Promise<OpenStore>;
}

async function withClients(url: string, cleanup: () => Promise<void> | void): Promise<OpenStore> {
  const target = resolveDatabaseTarget(url);
  const store = createSpanStore(target);
  const db = createDb(target);
  return {
    url,
    store,
    db,
    async dispose() {
      await store.close();
      await db.$disconnect();
      await cleanup();
    },
  };
}

/** SQLite in a temp file, migrated by running the committed migration files in order. */
async function openSqlite(): Promise<OpenStore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "traceboard-store-"));
  const filename = path.join(dir, "test.db");
  const db = new Database(filename);
  for (const migration of readMigrations(path.resolve("prisma/migrations"))) db.exec(migration.sql);
  db.close();
  return withClients(`file:${filename}`, () => rmSync(dir, { recursive: true, force: true }));
}

/** A fresh PostgreSQL database migrated by the real runner. */
async function openPostgres(): Promise<OpenStore> {
  const database = await createTestDatabase();
  await applyPostgresMigrations({ url: database.url, dir: path.resolve("prisma/postgresql/migrations") });
  return withClients(database.url, () => database.drop());
}

export const SQLITE_TARGET: StoreTarget = { provider: "sqlite", skipReason: null, open: openSqlite };

export const STORE_TARGETS: StoreTarget[] = [
  SQLITE_TARGET,
  { provider: "postgresql", skipReason: TEST_POSTGRES_URL ? null : POSTGRES_SKIP_REASON, open: openPostgres },
];
