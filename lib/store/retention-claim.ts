import "server-only";
import { getDb, type Db } from "./db";

/**
 * Claims the scheduled retention run of the period starting at `periodStartNs`: resolves
 * to true for exactly one caller per period among every app instance on the database
 * (and false for a period at or before one already claimed). One conditional UPDATE of
 * the single `retention_schedule` row: the database serializes the updates of that row,
 * and an update that waited re-checks its condition against the winner's committed
 * value, so only the first to move the period forward changes a row. Instances tick at
 * the same period boundaries (lifecycle.ts), and a clock running a little fast or slow
 * can only claim a period once, too.
 */
export async function claimRetentionPeriod(periodStartNs: bigint, db: Db = getDb()): Promise<boolean> {
  // One plain statement (Prisma's updateMany would open a transaction around it, in which
  // several SQLite clients of one process wait on each other's locks).
  const count = await db.$executeRaw`UPDATE retention_schedule SET period_start_ns = ${periodStartNs}
    WHERE id = 1 AND period_start_ns < ${periodStartNs}`;
  return count === 1;
}
