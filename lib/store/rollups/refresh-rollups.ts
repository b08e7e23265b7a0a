import "server-only";
import { getDb } from "../db";
import { resolveDatabaseTarget } from "../database-target";
import type { SqlDialect } from "../table-writes";
import { sqliteRollupThread } from "../sqlite/sqlite-rollup-thread";
import { ROLLUP_BUCKET_NS } from "./rollup-bucket";
import { recomputeStale } from "./postgres-rollups";
import { inPrismaTransaction } from "./prisma-session";
import { groupConsecutive, type TimeRange } from "./rollup-plan";
import { bucketsFrom, staleBucketsSql, type RawBucket, type StaleBucket } from "./rollup-state-sql";
import { SqlParams } from "../sql-params";

export function sqlDialect(): SqlDialect {
  return resolveDatabaseTarget().provider;
}

async function staleBuckets(dialect: SqlDialect, range?: TimeRange): Promise<StaleBucket[]> {
  const params = new SqlParams(dialect);
  return bucketsFrom(await getDb().$queryRawUnsafe<RawBucket[]>(staleBucketsSql(params, range), ...params.values));
}

/**
 * Brings the roll-ups of every bucket starting in [from, to) up to date with the spans
 * (all buckets when no bounds are given), recomputing only buckets whose spans, or
 * whose spans' parents or children, changed since they were computed. The maintainer
 * (rollup-maintainer.ts) keeps them fresh in the background, so a read usually finds
 * nothing to do; what a read still finds stale it waits for, so reads stay exact. On
 * SQLite the recompute runs on the file's roll-up thread, off the event loop; on
 * PostgreSQL in the database, a transaction per group of consecutive buckets.
 */
export async function refreshRollups(from?: bigint, to?: bigint): Promise<void> {
  const target = resolveDatabaseTarget();
  const range = from === undefined || to === undefined ? undefined : { from, to };
  const stale = await staleBuckets(target.provider, range);
  if (stale.length === 0) return;
  if (target.provider === "sqlite") return sqliteRollupThread(target.filename).refresh(range);
  for (const group of groupConsecutive(stale)) {
    const groupRange = { from: group[0].bucketStartNs, to: group.at(-1)!.bucketStartNs + ROLLUP_BUCKET_NS };
    await inPrismaTransaction((session) => recomputeStale(session, groupRange));
  }
}
