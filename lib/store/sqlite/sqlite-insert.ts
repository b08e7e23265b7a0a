import type { TableWrite } from "../table-writes";

/** `INSERT ... VALUES (?, ...)` for one row of `write`, with its conflict clause. */
export function sqliteInsert<Row>(write: TableWrite<Row>, returning = ""): string {
  const columns = Object.keys(write.columns);
  const placeholders = columns.map(() => "?").join(", ");
  return `INSERT INTO ${write.table} (${columns.join(", ")}) VALUES (${placeholders}) ${write.onConflict("sqlite")} ${returning}`;
}

/**
 * One row exactly as stored, every column compared (`IS`, so NULLs match): bound with
 * the same values as the insert, it tells a retry of a stored row from a different row
 * under the same key.
 */
export function sqliteSameRow<Row>(write: TableWrite<Row>): string {
  const columns = Object.keys(write.columns);
  return `SELECT 1 FROM ${write.table} WHERE ${columns.map((column) => `${column} IS ?`).join(" AND ")}`;
}
