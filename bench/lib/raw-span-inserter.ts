// The raw better-sqlite3 baseline of the ingest benchmark: span records inserted with
// one prepared INSERT into the spans table of a freshly migrated database (same
// schema and indexes as the server's), on a connection with the store's ingest
// pragmas (lib/store/sqlite/ingest-connection.ts), a fixed number of rows per
// transaction. No conflict clause, no trace/service/operation summaries, no HTTP, no
// parsing: what SQLite itself costs for these rows.
import type Database from "better-sqlite3";
import type { SpanRecord } from "@/lib/domain/span-record";
import { openIngestConnection } from "@/lib/store/sqlite/ingest-connection";
import type { FoundResourceIds } from "@/lib/store/span-resources";
import { openSqliteSpanResources } from "@/lib/store/sqlite/sqlite-span-resources";
import { SPANS, type SqlValue } from "@/lib/store/table-writes";

/** The values the store binds for one span (JSON text of attributes, events, links; resource key cached per resource). */
const rowValues = SPANS.values;

export class RawSpanInserter {
  private readonly db: Database.Database;
  private readonly insertRecords: (spans: readonly SpanRecord[]) => void;
  private readonly insertRows: (rows: readonly SqlValue[][]) => void;
  rows = 0;
  seconds = 0;

  constructor(
    filename: string,
    private readonly transactionSize: number,
  ) {
    this.db = openIngestConnection(filename);
    const columns = Object.keys(SPANS.columns);
    const insert = this.db.prepare(`INSERT INTO spans (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    // Rows name their resource by key; the schema stores its id, found as the store finds it.
    const resources = openSqliteSpanResources(this.db);
    const found: FoundResourceIds = new Map();
    this.insertRecords = this.db.transaction((spans: readonly SpanRecord[]) => {
      for (const span of spans) insert.run(resources.bind(rowValues(span), found));
    });
    this.insertRows = this.db.transaction((rows: readonly SqlValue[][]) => {
      for (const row of rows) insert.run(resources.bind(row, found));
    });
  }

  /** Timed: turning each record into its row values (JSON serialization included) and inserting it. */
  writeRecords(spans: readonly SpanRecord[]): void {
    const started = performance.now();
    for (let offset = 0; offset < spans.length; offset += this.transactionSize) {
      this.insertRecords(spans.slice(offset, offset + this.transactionSize));
    }
    this.seconds += (performance.now() - started) / 1000;
    this.rows += spans.length;
  }

  /** Timed: inserting row values prepared beforehand (pure insert). */
  writeRows(rows: readonly SqlValue[][]): void {
    const started = performance.now();
    for (let offset = 0; offset < rows.length; offset += this.transactionSize) {
      this.insertRows(rows.slice(offset, offset + this.transactionSize));
    }
    this.seconds += (performance.now() - started) / 1000;
    this.rows += rows.length;
  }

  rate(): number {
    return this.rows / this.seconds;
  }

  countRows(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM spans").get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}

/** Values as the store binds them, untimed (for the pure-insert run and the row size). */
export function spanRows(spans: readonly SpanRecord[]): SqlValue[][] {
  return spans.map(rowValues);
}

/** Bytes a row's values take: text length (ASCII here), 8 per number. */
export function rowBytes(row: readonly SqlValue[]): number {
  let bytes = 0;
  for (const value of row) bytes += typeof value === "string" ? value.length : value === null ? 0 : 8;
  return bytes;
}
