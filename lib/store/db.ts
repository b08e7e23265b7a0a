import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { resolveDatabaseTarget, type DatabaseTarget } from "./database-target";
import { POSTGRES_SESSION_OPTIONS } from "./postgres/session-options";
import { runObservedQuery } from "./query-observer";
import { SqliteReadConnection } from "./sqlite/sqlite-read-connection";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";

/**
 * The Prisma client, typed as the SQLite one whichever database runs. Both generated
 * clients come from identical models (tests/unit/store/prisma-schemas.test.ts) and
 * differ in types only where PostgreSQL offers more (isolation levels, `mode:
 * "insensitive"`), so code typed against SQLite runs on both; raw SQL must still
 * respect both dialects (`resolveDatabaseTarget().provider`).
 */
export type Db = ReturnType<typeof withQueryObserver>;

/**
 * Every query is reported to the query observer (OpenTelemetry database conventions:
 * `findMany spans`, db.system.name, db.operation.name); self-tracing makes each a
 * CLIENT child span, so a dashboard call and its database work appear as one trace.
 * `closeAfter` releases, once the client disconnected, what reads use beside Prisma.
 */
function withQueryObserver(client: SqlitePrismaClient, system: DatabaseTarget["provider"], closeAfter: () => Promise<void> | void) {
  return client.$extends({
    client: {
      async $disconnect() {
        await client.$disconnect();
        await closeAfter();
      },
    },
    query: {
      $allOperations({ model, operation, args, query }) {
        const attributes: Record<string, string> = { "db.system.name": system, "db.operation.name": operation };
        if (model) attributes["db.collection.name"] = model;
        return runObservedQuery({ name: model ? `${operation} ${model}` : operation, attributes }, () => query(args));
      },
    },
  });
}

const globalForDb = globalThis as unknown as { traceboardDb?: Db };

/** The pg pool under each PostgreSQL client, which Prisma's disconnect ends. */
const postgresPools = new WeakMap<Db, pg.Pool>();
/** The read-only connection beside each SQLite client, closed by its disconnect. */
const sqliteReaders = new WeakMap<Db, SqliteReadConnection>();

/** A Prisma client on `target` with that provider's generated client and driver adapter; the caller owns it. */
export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "postgresql") {
    // The reads are small LIMITed walks of an index; a parallel plan's workers cost more to
    // start than the walk (a common-tag trace search: 36-65 ms with a worker, 3.3 ms without).
    const options = `-c max_parallel_workers_per_gather=0 ${POSTGRES_SESSION_OPTIONS}`;
    const pool = new pg.Pool({ connectionString: target.url, options });
    const client = new PostgresPrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    // Prisma ends the pool only when it connected itself: a client whose reads all went
    // through the pool (postgresPoolOf) would leave its connections open.
    const db = withQueryObserver(client as unknown as SqlitePrismaClient, target.provider, () => (pool.ended || pool.ending ? undefined : pool.end()));
    postgresPools.set(db, pool);
    return db;
  }
  mkdirSync(path.dirname(target.filename), { recursive: true });
  const reader = new SqliteReadConnection(target.filename);
  const db = withQueryObserver(new SqlitePrismaClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) }), target.provider, () => reader.close());
  sqliteReaders.set(db, reader);
  return db;
}

/**
 * The pg pool that `db`, a PostgreSQL client, queries through, for reads of many rows:
 * Prisma turns each result cell into a JS value at a cost that dominates them.
 */
export function postgresPoolOf(db: Db): pg.Pool {
  const pool = postgresPools.get(db);
  if (!pool) throw new Error("not a PostgreSQL client");
  return pool;
}

/**
 * The read-only better-sqlite3 connection beside `db`, an SQLite client, for reads of
 * many rows (as postgresPoolOf for PostgreSQL).
 */
export function sqliteReaderOf(db: Db): SqliteReadConnection {
  const reader = sqliteReaders.get(db);
  if (!reader) throw new Error("not an SQLite client");
  return reader;
}

/** The process-wide Prisma client (kept on globalThis so dev reloads do not leak connections). */
export function getDb(): Db {
  globalForDb.traceboardDb ??= createDb(resolveDatabaseTarget());
  return globalForDb.traceboardDb;
}
