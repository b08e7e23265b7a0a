// The WAL checkpointer thread of the SQLite writer (see sqlite-writer.ts): the writer
// connection runs with wal_autocheckpoint = 0, and this thread copies committed WAL
// frames into the database file on its own connection. A checkpoint (page copies and
// the fsync of synchronous = NORMAL) then never runs inside one of the writer's
// commits. PASSIVE never blocks the writer or readers.
//
// PASSIVE alone does not bound the WAL file: under steady writes new frames arrive
// during every pass, so the log never starts over, and the file keeps its high-water
// size even once idle (360 MB beside a 67 MB database after 120,000 spans). So after
// a pass, when the file is over WAL_LIMIT_BYTES or the pass found nothing new to copy
// (the writer is idle), a TRUNCATE checkpoint copies the few frames left, starts the
// log over and cuts the file to zero. It waits for the transaction in progress and
// then holds the write lock only while it copies the frames committed since the pass;
// when a transaction or a reader's snapshot is in the way for longer than
// TRUNCATE_WAIT_MS it gives up, to try again after the next pass.
import { statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { filename, intervalMs, walLimitBytes } = workerData;
/** The busy wait of a TRUNCATE checkpoint (PASSIVE never waits). */
const TRUNCATE_WAIT_MS = 100;
const db = new Database(filename, { timeout: TRUNCATE_WAIT_MS });

function walBytes() {
  try {
    return statSync(`${filename}-wal`).size;
  } catch {
    return 0;
  }
}

/** True when the pass copied every frame of the log and none was added since the last pass. */
let lastLog = -1;
function writerIdle({ log, checkpointed }) {
  const idle = log > 0 && log === checkpointed && log === lastLog;
  lastLog = log;
  return idle;
}

for (;;) {
  await sleep(intervalMs);
  try {
    const [pass] = db.pragma("wal_checkpoint(PASSIVE)");
    if (writerIdle(pass) || walBytes() > walLimitBytes) {
      const [truncated] = db.pragma("wal_checkpoint(TRUNCATE)");
      if (truncated.busy === 0) lastLog = 0;
    }
  } catch (error) {
    if (error?.code === "SQLITE_BUSY") continue;
    console.error(`[traceboard] WAL checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
