import type { TableWrite } from "../table-writes";

/**
 * `INSERT ... SELECT * FROM unnest($1::type[], ...)`: a whole batch in one statement
 * with one array parameter per column, so the parameter count never grows.
 */
export function postgresInsert<Row>(write: TableWrite<Row>, returning = ""): string {
  const columns = Object.entries(write.columns);
  const names = columns.map(([name]) => name).join(", ");
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  return `INSERT INTO ${write.table} (${names}) SELECT * FROM unnest(${arrays}) ${write.onConflict("postgresql")} ${returning}`;
}

/**
 * The positions (0-based, in `postgresColumns` order) of the given rows that are not
 * stored exactly: every column compared, NULLs matching. The first `keyColumns`
 * columns are the primary key, compared with `=` so the lookup uses its index.
 */
export function postgresRowsNotStored<Row>(write: TableWrite<Row>, keyColumns: number): string {
  const columns = Object.entries(write.columns);
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  const names = columns.map(([name]) => name);
  const same = names.map((name, index) => (index < keyColumns ? `s.${name} = d.${name}` : `s.${name} IS NOT DISTINCT FROM d.${name}`)).join(" AND ");
  return `SELECT d.position - 1 AS position FROM unnest(${arrays}) WITH ORDINALITY AS d(${names.join(", ")}, position)
    WHERE NOT EXISTS (SELECT 1 FROM ${write.table} s WHERE ${same})`;
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
