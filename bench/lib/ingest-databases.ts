// The databases of `npm run bench:ingest`, on the engine BENCH_DATABASE names: the server's,
// and two fresh ones for the raw baseline (JSON serialization inside the timing, and
// values prepared beforehand), all migrated as production migrates.
// - sqlite (default): files under data/, removed afterwards.
// - postgresql: a throwaway cluster (fsync off) like the tests', stopped afterwards.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import type { SpanRecord } from "@/lib/domain/span-record";
import { startTestPostgres } from "../../scripts/lib/postgres.mjs";
import { RawPostgresInserter } from "./raw-postgres-inserter";
import { RawSpanInserter, spanRows } from "./raw-span-inserter";
import { databaseFilename, prepareDatabase, removeDatabase } from "./servers.mjs";

export type Engine = "sqlite" | "postgresql";

/** One raw baseline run: records in, rows per second out. */
export interface RawInserter {
  /** Timed: the store's row values (JSON text included) built and inserted. */
  writeRecords(spans: readonly SpanRecord[]): Promise<void>;
  /** Timed: only the insert, the values prepared beforehand. */
  writePrepared(spans: readonly SpanRecord[]): Promise<void>;
  rate(): number;
  countRows(): Promise<number>;
  close(): Promise<void>;
}

export interface IngestDatabases {
  engine: Engine;
  serverUrl: string;
  /** The SQLite file whose WAL the benchmark watches; null on PostgreSQL. */
  serverFile: string | null;
  /** The raw baseline's name and what it does, for the report. */
  rawLabel: string;
  rawDescription: string;
  openRaw(which: "jsonInside" | "pure", transactionRows: number): Promise<RawInserter>;
  /** Spans stored by the server, and how many are the app's own. */
  countServerSpans(selfService: string): Promise<{ total: number; self: number }>;
  /** The server database's size on disk (without the SQLite WAL). */
  serverBytes(): Promise<number>;
  /** Removes the files or stops the cluster; synchronous, so an exit handler can call it. */
  close(): void;
}

export function engineFromEnv(): Engine {
  const raw = process.env.BENCH_DATABASE ?? "sqlite";
  if (raw !== "sqlite" && raw !== "postgresql") throw new Error(`BENCH_DATABASE must be sqlite or postgresql (got "${raw}")`);
  return raw;
}

const COUNT_SPANS = "SELECT count(*) AS total, count(*) FILTER (WHERE service_name = $1) AS self FROM spans";

function sqliteInserter(filename: string, transactionRows: number): RawInserter {
  const inserter = new RawSpanInserter(filename, transactionRows);
  return {
    writeRecords: async (spans) => inserter.writeRecords(spans),
    writePrepared: async (spans) => inserter.writeRows(spanRows(spans)),
    rate: () => inserter.rate(),
    countRows: async () => inserter.countRows(),
    close: async () => inserter.close(),
  };
}

function openSqlite(root: string, pragmas: readonly string[]): IngestDatabases {
  const urls = { server: "file:./data/bench-ingest.db", jsonInside: "file:./data/bench-ingest-raw.db", pure: "file:./data/bench-ingest-raw-pure.db" };
  for (const url of Object.values(urls)) prepareDatabase(root, url);
  const serverFile = databaseFilename(root, urls.server);
  return {
    engine: "sqlite",
    serverUrl: urls.server,
    serverFile,
    rawLabel: "raw better-sqlite3",
    rawDescription: `one prepared INSERT per row, pragmas ${pragmas.join(", ")}`,
    openRaw: async (which, transactionRows) => sqliteInserter(databaseFilename(root, urls[which]), transactionRows),
    async countServerSpans(selfService) {
      const db = new Database(serverFile, { readonly: true });
      try {
        return db.prepare(COUNT_SPANS.replace("$1", "?")).get(selfService) as { total: number; self: number };
      } finally {
        db.close();
      }
    },
    serverBytes: async () => statSync(serverFile).size,
    close: () => {
      for (const url of Object.values(urls)) removeDatabase(databaseFilename(root, url));
    },
  };
}

/** One connection for `query`, closed after it. */
export async function withClient<T>(url: string, query: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

async function openPostgres(root: string): Promise<IngestDatabases> {
  const postgres = await startTestPostgres();
  const urlOf = (name: string) => postgres.url.replace(/\/[^/]+$/, `/${name}`);
  const urls = { server: postgres.url, jsonInside: urlOf("bench_ingest_raw"), pure: urlOf("bench_ingest_raw_pure") };
  try {
    await withClient(postgres.url, async (client) => {
      for (const name of ["bench_ingest_raw", "bench_ingest_raw_pure"]) await client.query(`CREATE DATABASE ${name}`);
    });
    for (const url of Object.values(urls)) {
      const migrated = spawnSync(process.execPath, ["scripts/migrate.mjs"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
      if (migrated.status !== 0) throw new Error(`migrating ${url} failed: ${migrated.stderr}`);
    }
  } catch (error) {
    postgres.stop();
    throw error;
  }
  return {
    engine: "postgresql",
    serverUrl: urls.server,
    serverFile: null,
    rawLabel: "raw PostgreSQL",
    rawDescription: "one INSERT ... SELECT * FROM unnest(...) per transaction (the store's statement without its conflict clause) on 4 connections like the store's write pool, throwaway cluster with fsync off",
    openRaw: async (which, transactionRows) => RawPostgresInserter.open(urls[which], transactionRows),
    countServerSpans: (selfService) =>
      withClient(urls.server, async (client) => {
        const { rows } = await client.query<{ total: string; self: string }>(COUNT_SPANS, [selfService]);
        return { total: Number(rows[0].total), self: Number(rows[0].self) };
      }),
    serverBytes: () =>
      withClient(urls.server, async (client) => Number((await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes")).rows[0].bytes)),
    close: () => postgres.stop(),
  };
}

export async function openIngestDatabases(engine: Engine, root: string, sqlitePragmas: readonly string[]): Promise<IngestDatabases> {
  return engine === "sqlite" ? openSqlite(root, sqlitePragmas) : openPostgres(root);
}
