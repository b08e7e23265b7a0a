import path from "node:path";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; filename: string }
  | { provider: "postgresql"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/traceboard.db";

/**
 * Which store `DATABASE_URL` names: `postgres://` or `postgresql://` selects
 * PostgreSQL, `file:` (or nothing) an SQLite file relative to the working directory.
 */
export function resolveDatabaseTarget(databaseUrl = process.env.DATABASE_URL): DatabaseTarget {
  const url = databaseUrl?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgresql", url };
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got ${url.split(":")[0]}:...)`);
  }
  const filename = path.resolve(url.slice("file:".length).replace(/\?.*$/, ""));
  return { provider: "sqlite", url: `file:${filename}`, filename };
}
