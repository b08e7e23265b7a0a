// Preparing the database and build, and running `next start` servers for the benchmarks.
// Every server is spawned in its own process group so that stopping it also stops any
// child it forked; `stopAllServersSync` is safe to call from an `exit` handler.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { BUILD_INPUTS, ensurePrismaClient } from "../../scripts/lib/setup.mjs";

const HOST = "127.0.0.1";
const HEALTH_PATH = "/api/health";
const HEALTH_TIMEOUT_MS = 60_000;
const HEALTH_POLL_MS = 250;
const STOP_GRACE_MS = 5_000;
const START_ATTEMPTS = 3;
/** `next start` fails while `.next` is being rebuilt; give the rebuild time to finish. */
const START_RETRY_DELAY_MS = 60_000;
const LOG_TAIL_LINES = 30;
const SQLITE_FILE_SUFFIXES = ["", "-journal", "-wal", "-shm"];

/** @type {Set<import("node:child_process").ChildProcess>} */
const running = new Set();

export function serverUrl(port, pathname = "/") {
  return `http://${HOST}:${port}${pathname}`;
}

/** The SQLite file a `file:` DATABASE_URL names, relative to the project root. */
export function databaseFilename(root, databaseUrl) {
  return path.resolve(root, databaseUrl.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/** Deletes an SQLite database with its journal, WAL and shared-memory files. */
export function removeDatabase(filename) {
  for (const suffix of SQLITE_FILE_SUFFIXES) rmSync(`${filename}${suffix}`, { force: true });
}

/**
 * Recreates the benchmark's own SQLite file from the migrations, the way `npm start`
 * migrates (`node scripts/migrate.mjs` with DATABASE_URL set): every run starts from
 * the same empty database (spans recorded by earlier runs do not pile up, and an edited
 * migration cannot leave a stale schema behind).
 */
export function prepareDatabase(root, databaseUrl) {
  removeDatabase(databaseFilename(root, databaseUrl));
  console.log(`Applying migrations to a fresh ${databaseUrl} ...`);
  runOrThrow(root, process.execPath, ["scripts/migrate.mjs"], { DATABASE_URL: databaseUrl }, { quiet: true });
}

const SKIPPED_DIRECTORIES = new Set(["node_modules", "generated"]);

/**
 * Builds the app (`next build`) when there is no production build (`.next/BUILD_ID`)
 * or a source file is newer than it: benchmarking a stale build measures old code.
 * The SQLite writer thread's bundle (dist/) is brought up to date first.
 */
export function ensureProductionBuild(root, databaseUrl) {
  // A fresh clone has no generated Prisma clients, and `next build` cannot resolve the store without them.
  ensurePrismaClient();
  runOrThrow(root, process.execPath, ["scripts/bundle.mjs"], {}, { quiet: true });
  const reason = staleBuildReason(root);
  if (!reason) return;
  console.log(`${reason}; running \`next build\` (takes a minute or two) ...`);
  runOrThrow(root, "npx", ["next", "build"], { DATABASE_URL: databaseUrl });
}

function staleBuildReason(root) {
  if (!hasProductionBuild(root)) return "No production build (.next/BUILD_ID)";
  const built = statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  const newer = newestFile(root, BUILD_INPUTS);
  return newer && newer.mtimeMs > built ? `The production build is older than ${newer.file}` : null;
}

/** The most recently modified file under `inputs` (files or directories, relative to root). */
function newestFile(root, inputs) {
  let newest = null;
  const visit = (relative) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    const stats = statSync(absolute);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(absolute)) if (!SKIPPED_DIRECTORIES.has(entry)) visit(path.join(relative, entry));
    } else if (!newest || stats.mtimeMs > newest.mtimeMs) {
      newest = { file: relative, mtimeMs: stats.mtimeMs };
    }
  };
  inputs.forEach(visit);
  return newest;
}

function hasProductionBuild(root) {
  return existsSync(path.join(root, ".next", "BUILD_ID"));
}

/** Runs a command to completion; `quiet` shows its output only if it fails. */
function runOrThrow(root, command, args, env, { quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`\`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal})`);
  }
}

/**
 * Starts `next start` on 127.0.0.1:`port` with `env` added (and `nodeArgs` given to
 * node, e.g. `--cpu-prof`, which NODE_OPTIONS does not take) and resolves once
 * `/api/health` answers 200. Retries when the server dies early (e.g. `.next`
 * is mid-rebuild), `attempts` times in all. `onLine` is given every line the server
 * prints. Resolves to a handle for `stopServer`.
 */
export async function startServer({ root, name, port, env, nodeArgs = [], attempts = START_ATTEMPTS, onLine = () => {} }) {
  await assertPortFree(port);
  for (let attempt = 1; ; attempt++) {
    const server = spawnServer(root, port, env, nodeArgs, onLine);
    const outcome = await waitUntilHealthy(server, port);
    if (outcome.ok) {
      console.log(`Started ${name} server on ${serverUrl(port)} (pid ${server.child.pid})`);
      return server;
    }
    await stopServer(server);
    const reason = `${name} server on port ${port} did not become healthy: ${outcome.reason}`;
    if (attempt >= attempts) throw new Error(`${reason}\n--- server output (tail) ---\n${server.logTail()}`);
    console.warn(`${reason}; .next may be mid-rebuild, retrying in ${START_RETRY_DELAY_MS / 1000} s ...`);
    await sleep(START_RETRY_DELAY_MS);
    if (!hasProductionBuild(root)) console.warn("(.next/BUILD_ID is still missing)");
  }
}

function spawnServer(root, port, env, nodeArgs, onLine) {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-H", HOST, "-p", String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group, killed as a whole
  });
  running.add(child);
  const lines = [];
  const keep = (line) => {
    if (!line) return;
    onLine(line);
    lines.push(line);
    lines.splice(0, Math.max(0, lines.length - LOG_TAIL_LINES));
  };
  // Whole lines, even when a write arrives in two chunks.
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", keep);
  createInterface({ input: child.stderr, crlfDelay: Infinity }).on("line", keep);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  exited.then(() => running.delete(child));
  return { child, exited, logTail: () => lines.join("\n") };
}

async function waitUntilHealthy(server, port) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let exit = null;
  server.exited.then((value) => (exit = value));
  while (Date.now() < deadline) {
    if (exit) return { ok: false, reason: `process exited (${exit.code ?? exit.signal})` };
    if (await healthOk(port)) return { ok: true };
    await sleep(HEALTH_POLL_MS);
  }
  return { ok: false, reason: `no 200 from ${HEALTH_PATH} within ${HEALTH_TIMEOUT_MS / 1000} s` };
}

async function healthOk(port) {
  try {
    const response = await fetch(serverUrl(port, HEALTH_PATH), { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Fails fast if something else already listens on the port (it would answer our checks). */
function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`port ${port} on ${HOST} is already in use; stop whatever listens there`)));
    probe.listen(port, HOST, () => probe.close(resolve));
  });
}

/** SIGTERM to the server's process group, SIGKILL if it has not exited after a grace period. */
export async function stopServer(server) {
  if (!running.has(server.child)) return;
  killGroup(server.child, "SIGTERM");
  const stopped = await Promise.race([server.exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!stopped) {
    killGroup(server.child, "SIGKILL");
    await server.exited;
  }
}

/** Last-resort cleanup for `exit` handlers (synchronous: no waiting). */
export function stopAllServersSync() {
  for (const child of running) killGroup(child, "SIGKILL");
}

/**
 * Stops every server this process started when it exits, however it exits: normally,
 * on an error, or on SIGINT/SIGTERM (which exit with 130/143 after the `exit` handler).
 */
export function stopServersOnExit() {
  process.on("exit", stopAllServersSync);
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping servers`);
      process.exit(code); // runs the `exit` handler
    });
  }
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
