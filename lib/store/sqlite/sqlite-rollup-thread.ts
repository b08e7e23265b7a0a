import path from "node:path";
import type { TimeRange } from "../rollups/rollup-plan";
import type { MaintainerStatus } from "../rollups/maintainer-status";
import type { RollupMethod, RollupThreadData } from "./rollup-protocol";
import { threadCalls, type ThreadCalls } from "./thread-calls";

/** rollup-worker.ts bundled at build time, resolved from the project root like the writer thread (sqlite-span-store.ts). */
const WORKER_ENTRY = path.join(process.cwd(), "dist/sqlite-rollup-worker.mjs");

/** Roll-up work on an SQLite file, done on its roll-up thread (rollup-worker.ts). */
export interface SqliteRollupThread {
  /** Recomputes the stale buckets starting in `range` (every stale bucket without one). */
  refresh(range?: TimeRange): Promise<void>;
  /** Removes the roll-ups of the empty buckets ending at or before `cutoffNs`; resolves to how many. */
  dropEmptyBefore(cutoffNs: bigint): Promise<number>;
  /** Starts or stops recomputing stale buckets in the background. */
  maintain(on: boolean): Promise<void>;
  status(): Promise<MaintainerStatus>;
}

// On globalThis: Next.js bundles instrumentation (the maintainer) and each route (the reads) apart, and they must share one thread per file.
const globalForThreads = globalThis as unknown as { traceboardRollupThreads?: Map<string, ThreadCalls<RollupMethod>> };

function threads(): Map<string, ThreadCalls<RollupMethod>> {
  globalForThreads.traceboardRollupThreads ??= new Map();
  return globalForThreads.traceboardRollupThreads;
}

/**
 * The roll-up thread of the SQLite file `filename`: one per file in a process, so the
 * reads' refreshes, retention's clean-ups and the maintainer's work run one at a time.
 */
export function sqliteRollupThread(filename: string): SqliteRollupThread {
  let thread = threads().get(filename);
  if (!thread) threads().set(filename, (thread = threadCalls<RollupMethod>(WORKER_ENTRY, { filename } satisfies RollupThreadData)));
  const calls = thread;
  return {
    refresh: (range) => calls.call("refresh", range?.from, range?.to),
    dropEmptyBefore: (cutoffNs) => calls.call("dropEmptyBefore", cutoffNs),
    maintain: (on) => calls.call("maintain", on),
    status: () => calls.call("status"),
  };
}

/** Stops the roll-up thread of `filename` (a later call starts a new one). */
export async function closeSqliteRollupThread(filename: string): Promise<void> {
  const thread = threads().get(filename);
  threads().delete(filename);
  await thread?.close("close");
}

/** Stops every roll-up thread of this process. */
export async function closeSqliteRollupThreads(): Promise<void> {
  await Promise.all([...threads().keys()].map(closeSqliteRollupThread));
}
