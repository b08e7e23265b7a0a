import type { TableWrite } from "../table-writes";

/**
 * `INSERT ... SELECT * FROM unnest($1::type[], ...) AS d(column, ...)`: a whole batch in
 * one statement with one array parameter per column, so the parameter count never grows.
 * `where`, when given, filters the rows (`d.column` names a row's value).
 */
export function postgresInsert<Row>(write: TableWrite<Row>, returning = "", where = ""): string {
  const columns = Object.entries(write.columns);
  const names = columns.map(([name]) => name).join(", ");
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  const filter = where ? `WHERE ${where}` : "";
  return `INSERT INTO ${write.table} (${names}) SELECT * FROM unnest(${arrays}) AS d(${names}) ${filter} ${write.onConflict("postgresql")} ${returning}`;
}

/**
 * The positions (0-based, in `postgresColumns` order) of the given rows that are not
 * stored exactly: every column compared, NULLs matching. The `key` columns (the primary
 * key) are compared with `=`, so the lookup uses its index (and, when the table is
 * partitioned, looks only into the partition the row belongs to). OFFSET 0 keeps it a
 * lookup per row: as an anti-join the planner may hash every partition instead.
 */
export function postgresRowsNotStored<Row>(write: TableWrite<Row>, key: readonly string[]): string {
  const columns = Object.entries(write.columns);
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  const names = columns.map(([name]) => name);
  const same = names.map((name) => (key.includes(name) ? `s.${name} = d.${name}` : `s.${name} IS NOT DISTINCT FROM d.${name}`)).join(" AND ");
  return `SELECT d.position - 1 AS position FROM unnest(${arrays}) WITH ORDINALITY AS d(${names.join(", ")}, position)
    WHERE NOT EXISTS (SELECT 1 FROM ${write.table} s WHERE ${same} OFFSET 0)`;
}

/** PostgreSQL text cannot hold NUL; SQLite can. Replaced so one odd span name cannot fail a batch. */
function postgresValue(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" && value.includes("\0")) return value.replaceAll("\0", "\uFFFD");
  return value;
}

/** The rows as one array per column; bigints as decimal strings, which pg passes on exactly. */
export function postgresColumns<Row>(write: TableWrite<Row>, rows: readonly Row[]): unknown[][] {
  const columns = Object.keys(write.columns).map((): unknown[] => []);
  for (const row of rows) {
    write.values(row).forEach((value, index) => columns[index].push(postgresValue(value)));
  }
  return columns;
}
