import "server-only";
import Database from "better-sqlite3";
import { runObservedSelect } from "../query-observer";

/** Milliseconds a read waits while a checkpoint holds the file (as the ingest connection waits for a write lock). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * A read-only better-sqlite3 connection on the store's file, opened at its first read and
 * closed with the Prisma client it belongs to (see createDb). For reads of many rows:
 * Prisma's driver adapter turns every cell into a JS value and then into its own, and a
 * JSON aggregate built to avoid that costs a 69 MB text and its parse on a 200,000-span
 * trace (2.2-3.2 s against 0.6-0.8 s as plain rows here).
 */
export class SqliteReadConnection {
  private connection: Database.Database | null = null;

  constructor(private readonly filename: string) {}

  /** The rows of one SELECT on `table` as arrays, reported to the query observer as Prisma's queries are. */
  rows<Row extends unknown[]>(table: string, sql: string, params: unknown[]): Promise<Row[]> {
    return runObservedSelect("sqlite", table, async () => this.open().prepare(sql).raw().all(...params) as Row[]);
  }

  /** The first row of one SELECT on `table` (an aggregate's one row) as an array, or undefined for none; reported as `rows` are. */
  firstRow<Row extends unknown[]>(table: string, sql: string, params: unknown[]): Promise<Row | undefined> {
    return runObservedSelect("sqlite", table, async () => this.open().prepare(sql).raw().get(...params) as Row | undefined);
  }

  private open(): Database.Database {
    this.connection ??= new Database(this.filename, { readonly: true, timeout: BUSY_TIMEOUT_MS });
    return this.connection;
  }

  close(): void {
    this.connection?.close();
    this.connection = null;
  }
}
