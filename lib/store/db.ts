import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { SpanKind } from "@/lib/collector/span-record";
import { withChildSpan } from "@/lib/tracing/child-span";
import { resolveDatabaseTarget, type DatabaseTarget } from "./database-target";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";

/**
 * The Prisma client, typed as the SQLite one whichever database runs. Both generated
 * clients come from identical models (tests/unit/store/prisma-schemas.test.ts) and
 * differ in types only where PostgreSQL offers more (isolation levels, `mode:
 * "insensitive"`), so code typed against SQLite runs on both; raw SQL must still
 * respect both dialects (`resolveDatabaseTarget().provider`).
 */
export type Db = ReturnType<typeof withQuerySpans>;

/**
 * Every query becomes a CLIENT child span of the request being served (OpenTelemetry
 * database conventions: `findMany spans`, db.system.name, db.operation.name), so a
 * dashboard call and the database work behind it appear as one trace.
 */
function withQuerySpans(client: SqlitePrismaClient, system: DatabaseTarget["provider"]) {
  return client.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        const collection = model ? { "db.collection.name": model } : {};
        return withChildSpan(
          model ? `${operation} ${model}` : operation,
          { kind: SpanKind.CLIENT, attributes: { "db.system.name": system, "db.operation.name": operation, ...collection } },
          () => query(args),
        );
      },
    },
  });
}

const globalForDb = globalThis as unknown as { traceboardDb?: Db };

/** A Prisma client on `target` with that provider's generated client and driver adapter; the caller owns it. */
export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return withQuerySpans(client as unknown as SqlitePrismaClient, target.provider);
  }
  mkdirSync(path.dirname(target.filename), { recursive: true });
  return withQuerySpans(new SqlitePrismaClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) }), target.provider);
}

/** The process-wide Prisma client (kept on globalThis so dev reloads do not leak connections). */
export function getDb(): Db {
  globalForDb.traceboardDb ??= createDb(resolveDatabaseTarget());
  return globalForDb.traceboardDb;
}
