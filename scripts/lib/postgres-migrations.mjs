// Applies prisma/postgresql/migrations to a PostgreSQL database. Prisma 6.19's wasm
// schema engine cannot run `migrate deploy` against PostgreSQL (prisma/orm#27403), so
// this small runner does it over `pg`, recording each migration in Prisma's own
// `_prisma_migrations` layout (sha256 of migration.sql as checksum) so Prisma tooling
// can read the history later.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { readMigrations } from "./migration-files.mjs";

/** The advisory lock key Prisma Migrate uses, so this runner and Prisma's exclude each other too. */
const MIGRATE_LOCK_KEY = 72707369;

const CREATE_HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
const READ_APPLIED = `SELECT migration_name, checksum FROM "_prisma_migrations"
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
const RECORD_APPLIED = `INSERT INTO "_prisma_migrations"
  (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
  VALUES ($1, $2, $3, $4, clock_timestamp(), 1)`;

export class MigrationChecksumError extends Error {
  name = "MigrationChecksumError";
}

function refuseChangedMigrations(migrations, recorded) {
  for (const { name, checksum } of migrations) {
    const applied = recorded.get(name);
    if (applied !== undefined && applied !== checksum) {
      throw new MigrationChecksumError(
        `migration ${name} was applied with checksum ${applied} but its migration.sql now hashes to ${checksum}; ` +
          "an applied migration must not change: restore the file and add a new migration instead",
      );
    }
  }
}

async function applyOne(client, { name, sql, checksum }) {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    await client.query(sql);
    await client.query(RECORD_APPLIED, [randomUUID(), checksum, name, startedAt]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw new Error(`migration ${name} failed and was rolled back: ${error.message}`, { cause: error });
  }
}

/**
 * Applies the migrations of `dir` that `url`'s database has not recorded, each in its
 * own transaction, under an advisory lock so app instances starting together take
 * turns. Refuses to apply anything when an applied migration's file has changed.
 * Resolves to the names it applied.
 *
 * @param {{ url: string, dir: string, log?: (message: string) => void }} options
 * @returns {Promise<{ applied: string[] }>}
 */
export async function applyPostgresMigrations({ url, dir, log = () => {} }) {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
    await client.query(CREATE_HISTORY);
    const { rows } = await client.query(READ_APPLIED);
    const recorded = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    refuseChangedMigrations(migrations, recorded);
    const applied = [];
    for (const migration of migrations.filter(({ name }) => !recorded.has(name))) {
      await applyOne(client, migration);
      log(`applied migration ${migration.name}`);
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end();
  }
}
