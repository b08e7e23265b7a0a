// The SQLite roll-up thread: recomputes stale roll-up buckets on a connection of its
// own, so a recompute (hundreds of milliseconds for a busy bucket) never stalls the
// thread that serves requests. It answers the reads' refreshes and retention's
// clean-ups (sqlite-rollup-thread.ts), one at a time, so they never interleave with
// each other or with its own work; while maintaining it also recomputes stale buckets
// in the background, paced (rollup-pacing.ts), between calls.
// Threads start it as dist/sqlite-rollup-worker.mjs, bundled at build time (scripts/lib/bundles.mjs).
import { setImmediate as yieldToMessages } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import { ROLLUP_BUCKET_NS } from "../rollups/rollup-bucket";
import { IdleTimer } from "../rollups/idle-timer";
import type { MaintainerStatus } from "../rollups/maintainer-status";
import { RollupPacing } from "../rollups/rollup-pacing";
import { groupConsecutive } from "../rollups/rollup-plan";
import type { RollupMethod, RollupThreadData } from "./rollup-protocol";
import { openSqliteRollups } from "./sqlite-rollups";
import type { ThreadReply, ThreadRequest } from "./thread-calls";

/** How often an idle maintainer looks for stale buckets. */
const POLL_MS = 500;

const port = parentPort!;
const rollups = openSqliteRollups((workerData as RollupThreadData).filename);
const pacing = new RollupPacing();
const status: MaintainerStatus = { active: false, bucketsComputed: 0, busyMs: 0 };
const inbox: ThreadRequest<RollupMethod>[] = [];
const idle = new IdleTimer();
let closed = false;

function recompute(from: bigint, to: bigint): number {
  const started = performance.now();
  rollups.recompute({ from, to });
  const costMs = performance.now() - started;
  status.busyMs += costMs;
  status.bucketsComputed += Number((to - from) / ROLLUP_BUCKET_NS);
  return costMs;
}

const methods: Record<RollupMethod, (...args: never[]) => unknown> = {
  refresh(from?: bigint, to?: bigint) {
    const range = from === undefined || to === undefined ? undefined : { from, to };
    for (const group of groupConsecutive(rollups.staleBuckets(range))) {
      recompute(group[0].bucketStartNs, group.at(-1)!.bucketStartNs + ROLLUP_BUCKET_NS);
    }
  },
  dropEmptyBefore: (cutoffNs: bigint) => rollups.dropEmptyBefore(cutoffNs),
  maintain(on: boolean) {
    status.active = on;
  },
  status: () => ({ ...status }),
  close() {
    closed = true;
    rollups.close();
  },
};

function answer({ id, method, args }: ThreadRequest<RollupMethod>): ThreadReply {
  try {
    return { id, ok: true, value: (methods[method] as (...a: unknown[]) => unknown)(...args) };
  } catch (error) {
    return { id, ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** Recomputes the stale bucket due next; false when none is due. */
function maintainOne(): boolean {
  const bucket = pacing.next(rollups.staleBuckets(), Date.now());
  if (!bucket) return false;
  const costMs = recompute(bucket.bucketStartNs, bucket.bucketStartNs + ROLLUP_BUCKET_NS);
  pacing.record(bucket.bucketStartNs, costMs, Date.now());
  return true;
}

port.on("message", (request: ThreadRequest<RollupMethod>) => {
  inbox.push(request);
  idle.wake();
});

while (!closed) {
  for (let request = inbox.shift(); request; request = inbox.shift()) port.postMessage(answer(request));
  if (closed) break;
  let worked = false;
  try {
    worked = status.active && maintainOne();
  } catch (error) {
    // A busy database or a failed statement: the buckets stay stale and are tried again after a pause.
    console.error(`[traceboard] roll-up maintenance failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (worked) await yieldToMessages();
  else await idle.sleep(POLL_MS);
}
port.close();
