// The baseline for SQLite ingest: plain better-sqlite3 prepared INSERTs of ready row
// values into the same schema, indexes and pragmas, in fixed-size transactions. No
// conflict handling, no summaries, no serialization: the database's own cost.
import { openIngestConnection } from "@/lib/store/sqlite/ingest-connection";
import type { FoundResourceIds } from "@/lib/store/span-resources";
import { openSqliteSpanResources } from "@/lib/store/sqlite/sqlite-span-resources";
import { SPANS, type SqlValue } from "@/lib/store/table-writes";

/** Inserts `rows` (values in SPANS column order) `batchSize` per transaction; resolves to rows/s. */
export function rawInsertRate(filename: string, rows: readonly SqlValue[][], batchSize: number): number {
  const db = openIngestConnection(filename);
  const columns = Object.keys(SPANS.columns);
  const insert = db.prepare(`INSERT INTO spans (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  // Rows name their resource by key; the schema stores its id, found as the store finds it.
  const resources = openSqliteSpanResources(db);
  const found: FoundResourceIds = new Map();
  const insertBatch = db.transaction((batch: readonly SqlValue[][]) => {
    for (const row of batch) insert.run(resources.bind(row, found));
  });
  const started = performance.now();
  for (let offset = 0; offset < rows.length; offset += batchSize) insertBatch(rows.slice(offset, offset + batchSize));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return rows.length / seconds;
}
