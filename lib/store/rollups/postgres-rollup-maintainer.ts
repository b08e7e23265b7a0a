import pg from "pg";
import { IdleTimer } from "./idle-timer";
import type { MaintainerStatus } from "./maintainer-status";
import { recomputeStale, type SqlSession } from "./postgres-rollups";
import { ROLLUP_BUCKET_NS } from "./rollup-bucket";
import { RollupPacing } from "./rollup-pacing";
import { bucketsFrom, staleBucketsSql, type RawBucket } from "./rollup-state-sql";
import { POSTGRES_SESSION_OPTIONS } from "../postgres/session-options";
import { SqlParams } from "../sql-params";

/** pg_try_advisory_lock key of the maintainer role: the instance whose session holds it maintains. */
const MAINTAINER_LOCK_KEY = 73_020_115;
/** How often a maintainer without work (or without the lock) looks again. */
const POLL_MS = 500;
/** The pause after a failure (a lost connection) before connecting again. */
const RETRY_MS = 5_000;

function sessionOf(client: pg.Client): SqlSession {
  return {
    query: async <T>(sql: string, values: readonly unknown[]) => (await client.query(sql, [...values])).rows as T[],
    execute: async (sql, values) => void (await client.query(sql, [...values])),
  };
}

async function inTransaction<T>(client: pg.Client, work: (session: SqlSession) => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work(sessionOf(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * The PostgreSQL roll-up maintainer: an async loop on this thread (the work happens in
 * the database) on a connection of its own. Of several app instances on one database
 * only the one whose session holds the maintainer lock works; the others try again
 * every poll and take over when its session ends. Each bucket is recomputed in its own
 * transaction under the roll-up write lock, which also rechecks that it is still stale,
 * so a read in another instance and the maintainer never compute a bucket twice.
 */
export function startPostgresRollupMaintainer(url: string) {
  const pacing = new RollupPacing();
  const status: MaintainerStatus = { active: false, bucketsComputed: 0, busyMs: 0 };
  const idle = new IdleTimer();
  let stopping = false;

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url, options: POSTGRES_SESSION_OPTIONS });
    // A dropped connection also fails the next query, which reconnects; without a listener it would crash the process.
    client.on("error", (error) => console.error(`[traceboard] roll-up maintainer connection failed: ${error.message}`));
    await client.connect();
    return client;
  }

  /** Recomputes the stale bucket due next; false when there is none (or another instance maintains). */
  async function maintainOne(client: pg.Client): Promise<boolean> {
    status.active ||= (await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MAINTAINER_LOCK_KEY])).rows[0].locked;
    if (!status.active) return false;
    const params = new SqlParams("postgresql");
    const stale = bucketsFrom((await client.query<RawBucket>(staleBucketsSql(params), params.values)).rows);
    const bucket = pacing.next(stale, Date.now());
    if (!bucket) return false;
    const started = performance.now();
    const range = { from: bucket.bucketStartNs, to: bucket.bucketStartNs + ROLLUP_BUCKET_NS };
    status.bucketsComputed += await inTransaction(client, (session) => recomputeStale(session, range));
    const costMs = performance.now() - started;
    status.busyMs += costMs;
    pacing.record(bucket.bucketStartNs, costMs, Date.now());
    return true;
  }

  const loop = (async () => {
    let client: pg.Client | null = null;
    while (!stopping) {
      try {
        client ??= await connect();
        if (!(await maintainOne(client))) await idle.sleep(POLL_MS);
      } catch (error) {
        if (stopping) break;
        console.error(`[traceboard] roll-up maintenance failed: ${(error as Error).message}`);
        // Ending the session releases the lock (if it still held it): another instance may take over meanwhile.
        await client?.end().catch(() => undefined);
        client = null;
        status.active = false;
        await idle.sleep(RETRY_MS);
      }
    }
    await client?.end().catch(() => undefined);
    status.active = false;
  })();

  return {
    status: async (): Promise<MaintainerStatus> => ({ ...status }),
    async stop(): Promise<void> {
      stopping = true;
      idle.wake();
      await loop;
    },
  };
}
