import type { DatabaseTarget } from "../database-target";
import { closeSqliteRollupThread, sqliteRollupThread } from "../sqlite/sqlite-rollup-thread";
import type { MaintainerStatus } from "./maintainer-status";
import { startPostgresRollupMaintainer } from "./postgres-rollup-maintainer";

export interface RollupMaintainer {
  status(): Promise<MaintainerStatus>;
  /** Stops the background work; resolves once its connection (and lock) is released. */
  stop(): Promise<void>;
}

/**
 * Keeps the roll-ups of `target` fresh as spans arrive, late spans and retention
 * included: every stale bucket is recomputed in the background within about a second,
 * one that keeps changing at a paced interval (rollup-pacing.ts), so reads find them
 * ready. On SQLite the work runs on the file's roll-up thread (rollup-worker.ts), on
 * PostgreSQL in the database, by one instance at a time (postgres-rollup-maintainer.ts).
 */
export function startRollupMaintainer(target: DatabaseTarget): RollupMaintainer {
  if (target.provider === "postgresql") return startPostgresRollupMaintainer(target.url);
  const thread = sqliteRollupThread(target.filename);
  const started = thread.maintain(true);
  return {
    status: () => thread.status(),
    async stop() {
      await started;
      await closeSqliteRollupThread(target.filename);
    },
  };
}
