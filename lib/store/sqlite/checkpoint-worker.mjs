// The WAL checkpointer thread of the SQLite writer (see sqlite-writer.ts): the writer
// connection runs with wal_autocheckpoint = 0, and this thread copies committed WAL
// frames into the database file on its own connection. A checkpoint (page copies and
// the fsync of synchronous = NORMAL) then never runs inside one of the writer's
// commits. PASSIVE never blocks the writer or readers; once a pass has copied every
// frame, the writer's next transaction starts the WAL over, so it stays bounded.
import { setTimeout as sleep } from "node:timers/promises";
import { workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { filename, intervalMs } = workerData;
const db = new Database(filename, { timeout: 5_000 });

for (;;) {
  await sleep(intervalMs);
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    console.error(`[traceboard] WAL checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
