import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseTarget } from "./database-target";
import { PrismaClient } from "./generated/sqlite/client";

const globalForDb = globalThis as unknown as { traceboardDb?: PrismaClient };

function createDb(): PrismaClient {
  const target = resolveDatabaseTarget();
  if (target.provider !== "sqlite") {
    throw new Error("PostgreSQL is not supported by this build yet; use a file: DATABASE_URL");
  }
  mkdirSync(path.dirname(target.filename), { recursive: true });
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) });
}

/** The process-wide Prisma client (kept on globalThis so dev reloads do not leak connections). */
export function getDb(): PrismaClient {
  globalForDb.traceboardDb ??= createDb();
  return globalForDb.traceboardDb;
}
