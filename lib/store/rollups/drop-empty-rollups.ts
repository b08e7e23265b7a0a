import "server-only";
import { resolveDatabaseTarget } from "../database-target";
import { sqliteRollupThread } from "../sqlite/sqlite-rollup-thread";
import { dropEmptyBatch } from "./postgres-rollups";
import { inPrismaTransaction } from "./prisma-session";

/**
 * Removes the roll-up rows and change counters of the buckets that end at or before
 * `cutoffNs` and hold no span any more, after retention deleted their spans: nothing
 * then recomputes days of empty buckets, and the maintainer's scan for stale buckets
 * stays as small as the retained data. Resolves to the buckets removed.
 */
export async function dropEmptyRollupsBefore(cutoffNs: bigint): Promise<number> {
  const target = resolveDatabaseTarget();
  if (target.provider === "sqlite") return sqliteRollupThread(target.filename).dropEmptyBefore(cutoffNs);
  let dropped = 0;
  for (let more = true; more; ) {
    const batch = await inPrismaTransaction((session) => dropEmptyBatch(session, cutoffNs));
    dropped += batch.dropped;
    more = batch.more;
  }
  return dropped;
}
