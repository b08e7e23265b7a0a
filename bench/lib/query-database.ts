// The database of `npm run bench:query` and `bench:scale`, on the engine BENCH_DATABASE
// names, with the store and the roll-up maintainer the load writes through:
// - sqlite (default): data/<name>.db, recreated from the migrations;
// - postgresql: a throwaway cluster (fsync off) like the tests', migrated as production
//   migrates, stopped when the benchmark exits.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { applyPostgresMigrations } from "../../scripts/lib/postgres-migrations.mjs";
import { startTestPostgres } from "../../scripts/lib/postgres.mjs";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/store/database-target";
import { createPostgresSpanStore } from "@/lib/store/postgres/postgres-span-store";
import { bucketsFrom, staleBucketsSql, type RawBucket } from "@/lib/store/rollups/rollup-state-sql";
import type { SpanStore } from "@/lib/store/span-store-contract";
import { openSqliteSpanStore } from "@/lib/store/sqlite/sqlite-span-store";
import { SqlParams } from "@/lib/store/sql-params";
import { withClient, type Engine } from "./ingest-databases";
import { prepareDatabase } from "./servers.mjs";

export interface QueryDatabase {
  /** The server's DATABASE_URL. */
  url: string;
  target: DatabaseTarget;
  openStore(): SpanStore;
  /** Buckets whose roll-up is missing or behind their spans. */
  staleBuckets(): Promise<number>;
  /**
   * Settles the database for the server after a bulk load: SQLite copies the WAL into the
   * database and truncates it; PostgreSQL analyzes the tables, as autovacuum does within a
   * minute or so of such a load. Measured right after one, before that, the planner takes a
   * day's 50,000 traces for about 200 and a structural TraceQL walk hashes every span of a
   * service instead of walking the newest traces (2.2 s a call on bench:query's data).
   */
  settle(): Promise<void>;
  /** Bytes on disk: SQLite's file with its side files, or PostgreSQL's database. */
  bytes(): Promise<number>;
  describe(): string;
}

const fileSize = (file: string) => (existsSync(file) ? statSync(file).size : 0);

function openSqlite(root: string, name: string): QueryDatabase {
  const sqliteUrl = `file:./data/${name}.db`;
  prepareDatabase(root, sqliteUrl);
  const target = resolveDatabaseTarget(`file:${path.resolve(root, sqliteUrl.slice("file:".length))}`) as Extract<DatabaseTarget, { provider: "sqlite" }>;
  const withDb = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(target.filename);
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    url: sqliteUrl,
    target,
    openStore: () => openSqliteSpanStore(target.filename),
    staleBuckets: async () => withDb((db) => db.prepare(staleBucketsSql(new SqlParams("sqlite"))).all().length),
    settle: async () => void withDb((db) => db.pragma("wal_checkpoint(TRUNCATE)")),
    bytes: async () => fileSize(target.filename) + fileSize(`${target.filename}-wal`) + fileSize(`${target.filename}-shm`),
    describe: () => `SQLite (${sqliteUrl})`,
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
    staleBuckets: () => withClient(postgres.url, async (client) => bucketsFrom((await client.query<RawBucket>(staleBucketsSql(new SqlParams("postgresql")))).rows).length),
    settle: () => withClient(postgres.url, async (client) => void (await client.query("ANALYZE"))),
    bytes: () => withClient(postgres.url, async (client) => Number((await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes")).rows[0].bytes)),
    describe: () => "PostgreSQL (throwaway cluster, fsync off)",
  };
}

/** `name` names the SQLite file (data/<name>.db); PostgreSQL gets a cluster of its own either way. */
export function openQueryDatabase(engine: Engine, root: string, name = "bench-query"): Promise<QueryDatabase> {
  return engine === "sqlite" ? Promise.resolve(openSqlite(root, name)) : openPostgres(root);
}
