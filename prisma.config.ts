import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, resolveDatabaseTarget } from "./lib/store/database-target";

// The schema reads env("DATABASE_URL"); without it Prisma cannot read the schema's
// engineType and falls back to downloading a query engine, which fails offline.
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;

// Migrations run on Prisma's bundled WebAssembly schema engine through the driver
// adapter, so no engine binary is downloaded (these machines are offline).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const target = resolveDatabaseTarget();
    if (target.provider !== "sqlite") throw new Error("prisma.config.ts drives SQLite only; PostgreSQL migrations use scripts/migrate");
    mkdirSync(path.dirname(target.filename), { recursive: true });
    return new PrismaBetterSQLite3({ url: target.url });
  },
});
