import "server-only";
import { getDb } from "../db";
import type { SqlSession } from "./postgres-rollups";

/**
 * A recompute of 12 busy buckets on PostgreSQL can take longer than Prisma's default of
 * 5 s for an interactive transaction; the old batch transaction had no limit either.
 */
const TRANSACTION_TIMEOUT_MS = 600_000;
const CONNECTION_WAIT_MS = 60_000;

/** Runs `work` in one interactive transaction of the process's Prisma client. */
export function inPrismaTransaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
  return getDb().$transaction(
    (tx) =>
      work({
        query: (sql, values) => tx.$queryRawUnsafe(sql, ...values),
        execute: async (sql, values) => void (await tx.$executeRawUnsafe(sql, ...values)),
      }),
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: CONNECTION_WAIT_MS },
  );
}
