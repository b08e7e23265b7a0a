import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Milliseconds a write waits for another connection's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Settings for a write-heavy connection (measured: 29k -> 41k raw rows/s).
 * WAL lets the dashboard read while spans are written; NORMAL syncs at checkpoints
 * only (a power cut may lose the last commits, never corrupt); a 40 MB WAL between
 * checkpoints and a 64 MiB page cache keep the index pages of a large table in memory.
 */
export const INGEST_PRAGMAS = ["journal_mode = WAL", "synchronous = NORMAL", "wal_autocheckpoint = 10000", "cache_size = -65536"];

/** A dedicated better-sqlite3 connection tuned for ingest. */
export function openIngestConnection(filename: string): Database.Database {
  mkdirSync(path.dirname(filename), { recursive: true });
  const db = new Database(filename, { timeout: BUSY_TIMEOUT_MS });
  for (const pragma of INGEST_PRAGMAS) db.pragma(pragma);
  return db;
}
