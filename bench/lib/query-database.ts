// The database of `npm run bench:query`, on the engine BENCH_DATABASE names, with the
// store and the roll-up maintainer the load writes through:
// - sqlite (default): data/bench-query.db, recreated from the migrations;
// - postgresql: a throwaway cluster (fsync off) like the tests', migrated as production
//   migrates, stopped when the benchmark exits.
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { applyPostgresMigrations } from "../../scripts/lib/postgres-migrations.mjs";
import { startTestPostgres } from "../../scripts/lib/postgres.mjs";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/store/database-target";
import { createPostgresSpanStore } from "@/lib/store/postgres/postgres-span-store";
import { bucketsFrom, staleBucketsSql, type RawBucket } from "@/lib/store/rollups/rollup-state-sql";
import type { SpanStore } from "@/lib/store/span-store-contract";
import { openSqliteSpanStore } from "@/lib/store/sqlite/sqlite-span-store";
import { SqlParams } from "@/lib/store/sql-params";
import type { Engine } from "./ingest-databases";
import { prepareDatabase } from "./servers.mjs";

export interface QueryDatabase {
  /** The server's DATABASE_URL. */
  url: string;
  target: DatabaseTarget;
  openStore(): SpanStore;
  /** Buckets whose roll-up is missing or behind their spans. */
  staleBuckets(): Promise<number>;
  /** Settles the files for the server (SQLite: the WAL copied into the database and truncated). */
  settle(): void;
  describe(): string;
}

const SQLITE_URL = "file:./data/bench-query.db";

function openSqlite(root: string): QueryDatabase {
  prepareDatabase(root, SQLITE_URL);
  const target = resolveDatabaseTarget(`file:${path.resolve(root, SQLITE_URL.slice("file:".length))}`) as Extract<DatabaseTarget, { provider: "sqlite" }>;
  const withDb = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(target.filename);
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    url: SQLITE_URL,
    target,
    openStore: () => openSqliteSpanStore(target.filename),
    staleBuckets: async () => withDb((db) => db.prepare(staleBucketsSql(new SqlParams("sqlite"))).all().length),
    settle: () => withDb((db) => db.pragma("wal_checkpoint(TRUNCATE)")),
    describe: () => `SQLite (${SQLITE_URL})`,
  };
}

async function openPostgres(root: string): Promise<QueryDatabase> {
  const postgres = await startTestPostgres();
  await applyPostgresMigrations({ url: postgres.url, dir: path.join(root, "prisma/postgresql/migrations") });
  const target = resolveDatabaseTarget(postgres.url);
  return {
    url: postgres.url,
    target,
    openStore: () => createPostgresSpanStore(postgres.url),
    async staleBuckets() {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      try {
        return bucketsFrom((await client.query<RawBucket>(staleBucketsSql(new SqlParams("postgresql")))).rows).length;
      } finally {
        await client.end();
      }
    },
    settle: () => undefined,
    describe: () => "PostgreSQL (throwaway cluster, fsync off)",
  };
}

export function openQueryDatabase(engine: Engine, root: string): Promise<QueryDatabase> {
  return engine === "sqlite" ? Promise.resolve(openSqlite(root)) : openPostgres(root);
}
