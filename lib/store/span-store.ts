import "server-only";
import { resolveDatabaseTarget, type DatabaseTarget } from "./database-target";
import { createPostgresSpanStore } from "./postgres/postgres-span-store";
import { openSqliteSpanStore } from "./sqlite/sqlite-span-store";
import type { SpanStore } from "./span-store-contract";

export type { DeleteResult, SpanStore, StorageStats, WriteResult } from "./span-store-contract";

/** A store on the database `target` names; the caller owns it (and closes it). */
export function createSpanStore(target: DatabaseTarget): SpanStore {
  return target.provider === "sqlite" ? openSqliteSpanStore(target.filename) : createPostgresSpanStore(target.url);
}

const globalForStore = globalThis as unknown as { traceboardSpanStore?: SpanStore };

/** The process-wide store on `DATABASE_URL` (kept on globalThis so dev reloads do not leak connections). */
export function getSpanStore(): SpanStore {
  globalForStore.traceboardSpanStore ??= createSpanStore(resolveDatabaseTarget());
  return globalForStore.traceboardSpanStore;
}
