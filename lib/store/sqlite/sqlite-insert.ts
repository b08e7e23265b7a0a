import type { TableWrite } from "../table-writes";

/** `INSERT ... VALUES (?, ...)` for one row of `write`, with its conflict clause. */
export function sqliteInsert<Row>(write: TableWrite<Row>, returning = ""): string {
  const columns = Object.keys(write.columns);
  const placeholders = columns.map(() => "?").join(", ");
  return `INSERT INTO ${write.table} (${columns.join(", ")}) VALUES (${placeholders}) ${write.onConflict("sqlite")} ${returning}`;
}
