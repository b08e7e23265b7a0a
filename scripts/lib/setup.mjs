// Set-up steps shared by `npm start` and `npm test`. Plain Node (no dependencies), so
// it runs from a fresh clone before `npm install`.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function log(message) {
  console.log(`[traceboard] ${message}`);
}

/** Runs a command in the project root, inheriting stdio; exits the process if it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    log(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/** Like `run`, but returns the exit code instead of exiting. */
export function runStatus(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  return result.status ?? 1;
}

/** Starts a long-running child and forwards SIGINT/SIGTERM to it; resolves with its exit code. */
export function runForeground(command, args, options = {}) {
  const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
}

function hashFiles(paths) {
  const hash = createHash("sha256");
  const visit = (relative) => {
    const absolute = path.join(ROOT, relative);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) {
        if (entry === "node_modules" || entry === "generated") continue;
        visit(path.join(relative, entry));
      }
      return;
    }
    hash.update(relative);
    hash.update(readFileSync(absolute));
  };
  paths.forEach(visit);
  return hash.digest("hex");
}

/** Whether the hash of `inputs` differs from the one stamped at `stampFile`; `stamp()` records the current one. */
export function sourceStamp(stampFile, inputs) {
  const stampPath = path.join(ROOT, stampFile);
  const current = hashFiles(inputs);
  return {
    changed: !existsSync(stampPath) || readFileSync(stampPath, "utf8") !== current,
    stamp() {
      mkdirSync(path.dirname(stampPath), { recursive: true });
      writeFileSync(stampPath, current);
    },
  };
}

/**
 * Runs `action` unless `force` is false and the hash of `inputs` equals the one
 * stamped at `stampFile` by the last run.
 */
function whenChanged(stampFile, inputs, action, force = false) {
  const sources = sourceStamp(stampFile, inputs);
  if (!force && !sources.changed) return false;
  // An action that reports failure (returns false) leaves the stamp alone, so it runs again.
  if (action() === false) return false;
  sources.stamp();
  return true;
}

/**
 * A production install (`npm ci --omit=dev`, or `npm prune --omit=dev` after `npm run build`):
 * none of the dev-only packages of the lockfile is in node_modules. (npm keeps "devOptional"
 * ones, like typescript, an optional peer of a dependency, so those do not count.) It stays
 * one when packages are installed again.
 */
function isProductionInstall() {
  const { packages = {} } = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  return !Object.entries(packages).some(
    ([location, entry]) => entry.dev === true && location.startsWith("node_modules/") && existsSync(path.join(ROOT, location, "package.json")),
  );
}

/** `npm ci` in a fresh clone; `npm install` when package.json or the lockfile changed since. */
export function ensureDependencies() {
  const fresh = !existsSync(path.join(ROOT, "node_modules"));
  whenChanged("node_modules/.traceboard-deps", ["package.json", "package-lock.json"], () => {
    const production = !fresh && isProductionInstall();
    log(`installing npm packages${production ? " (production only)" : ""} (a fresh install compiles better-sqlite3: a few minutes)`);
    run("npm", [fresh ? "ci" : "install", "--no-audit", "--no-fund", ...(production ? ["--omit=dev"] : [])]);
  });
}

/**
 * One client per provider. `prisma generate` reads env("DATABASE_URL") to learn the
 * schema's engine settings; a URL of the other provider fails that check and Prisma
 * falls back to downloading an engine (offline here), so each gets a URL of its kind.
 */
const PRISMA_CLIENTS = [
  { schema: "prisma/schema.prisma", output: "lib/store/generated/sqlite", databaseUrl: "file:./data/traceboard.db" },
  { schema: "prisma/postgresql/schema.prisma", output: "lib/store/generated/postgresql", databaseUrl: "postgresql://generate@localhost/traceboard" },
];

/** Generates the Prisma clients when a schema changed or a client is missing (they are not committed). */
export function ensurePrismaClient() {
  const missing = PRISMA_CLIENTS.some(({ output }) => !existsSync(path.join(ROOT, output, "client.ts")));
  whenChanged(
    "lib/store/generated/.schema-hash",
    ["prisma"],
    () => {
      for (const { schema, databaseUrl } of PRISMA_CLIENTS) {
        log(`generating the Prisma client for ${schema}`);
        run("npx", ["prisma", "generate", "--schema", schema], { env: { DATABASE_URL: databaseUrl } });
      }
    },
    missing,
  );
}

/** Applies committed migrations to the database `DATABASE_URL` names (SQLite or PostgreSQL: scripts/migrate.mjs). */
export function migrate(env = {}) {
  run("node", ["scripts/migrate.mjs"], { env });
}

/** What the production build is made from; generated Prisma clients follow the schemas. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "middleware.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
  "prisma/postgresql/schema.prisma",
];

/**
 * A production build, made again only when the sources changed since the last one: the
 * esbuild bundles of dist/ (the SQLite writer thread, the demo: scripts/lib/bundles.mjs),
 * then `next build`. `force` builds again regardless (`npm run build`). Returns the exit
 * status of the first step that failed (0 when none did, or no build was needed).
 */
export function buildWhenChanged({ force = false } = {}) {
  const bundled = runStatus("node", ["scripts/bundle.mjs"]);
  if (bundled !== 0) return bundled;
  const missing = !existsSync(path.join(ROOT, ".next/BUILD_ID"));
  let status = 0;
  whenChanged(
    ".next/.traceboard-build",
    BUILD_INPUTS,
    () => {
      log("building the production app");
      status = runStatus("npx", ["next", "build"]);
      return status === 0;
    },
    force || missing,
  );
  return status;
}

/** Like `buildWhenChanged`, but exits the process if the build fails. */
export function ensureBuild({ force = false } = {}) {
  const status = buildWhenChanged({ force });
  if (status !== 0) {
    log(`the production build failed (exit ${status})`);
    process.exit(status);
  }
}
