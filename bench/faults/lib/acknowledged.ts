import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import type { BodyRecipe } from "../../lib/otlp-bodies";

/** The trace ids of a benchmark body: every acknowledged span is found by them. */
export function traceIdsOf(recipe: BodyRecipe): string[] {
  const hex = recipe.traceIds.toString("hex");
  return Array.from({ length: hex.length / 32 }, (_, i) => hex.slice(i * 32, i * 32 + 32));
}

/** How many spans of the given traces an SQLite store holds. */
export function storedSpansInSqlite(filename: string, traceIds: Iterable<string>): number {
  const db = new Database(filename);
  try {
    db.exec("CREATE TEMP TABLE acknowledged (trace_id TEXT PRIMARY KEY)");
    const insert = db.prepare("INSERT OR IGNORE INTO acknowledged VALUES (?)");
    db.transaction(() => {
      for (const traceId of traceIds) insert.run(traceId);
    })();
    return (db.prepare("SELECT count(*) AS n FROM spans JOIN acknowledged USING (trace_id)").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Resident memory of a process (all its threads), MiB. */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
}
