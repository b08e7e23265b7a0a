// npm run db:migrate (and the migration step of npm start): applies the committed
// migrations to the database DATABASE_URL names. SQLite goes through `prisma migrate
// deploy`; PostgreSQL through our runner (Prisma's cannot migrate PostgreSQL here).
import path from "node:path";
import { log, ROOT, run } from "./lib/setup.mjs";

// The same rule as lib/store/database-target.ts (TypeScript, which plain Node cannot import).
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

const url = process.env.DATABASE_URL?.trim() ?? "";
if (POSTGRES_URL.test(url)) {
  const { applyPostgresMigrations } = await import("./lib/postgres-migrations.mjs");
  try {
    const { applied } = await applyPostgresMigrations({ url, dir: path.join(ROOT, "prisma/postgresql/migrations"), log });
    log(applied.length ? `PostgreSQL: applied ${applied.length} migration(s)` : "PostgreSQL: no pending migrations");
  } catch (error) {
    log(`PostgreSQL migration failed: ${error.message}`);
    process.exit(1);
  }
} else {
  run("npx", ["prisma", "migrate", "deploy"]);
}
