// A throwaway PostgreSQL server for the store tests: Debian's server binaries (installed
// with apt when missing), a cluster in a temp directory, listening on 127.0.0.1 only,
// without fsync (its data is thrown away), removed again by stop().
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { aptInstall } from "./apt.mjs";
import { log } from "./setup.mjs";

const SERVER_ROOT = "/usr/lib/postgresql";
const DATABASE = "traceboard_test";
const START_TIMEOUT_SECONDS = 60;

/** The bin directory of the newest installed server version, or null. */
function findServerBin() {
  if (!existsSync(SERVER_ROOT)) return null;
  const versions = readdirSync(SERVER_ROOT)
    .filter((version) => existsSync(path.join(SERVER_ROOT, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(SERVER_ROOT, versions[0], "bin") : null;
}

function ensureServerBin() {
  const found = findServerBin();
  if (found) return found;
  log(`installing Debian's postgresql (no initdb under ${SERVER_ROOT})`);
  aptInstall("postgresql");
  const installed = findServerBin();
  if (!installed) throw new Error(`postgresql is installed but no initdb was found under ${SERVER_ROOT}`);
  return installed;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function idOf(user, flag) {
  return Number(spawnSync("id", [flag, user], { encoding: "utf8" }).stdout.trim());
}

/** initdb and the server refuse to run as root: as root, run them as the `postgres` user the package created. */
function spawnAsServerUser(command, args) {
  const [file, argv] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return spawnSync(file, argv, { encoding: "utf8" });
}

function runAsServerUser(command, args) {
  const result = spawnAsServerUser(command, args);
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
}

/**
 * Starts a server with one empty database and resolves to its URL and a synchronous,
 * idempotent stop() (also run when this process exits) that stops the server and
 * deletes its directory. pause() and resume() stop and restart the same server with
 * its data (the fault drills use them to simulate an outage).
 */
export async function startTestPostgres() {
  const bin = ensureServerBin();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "traceboard-pg-"));
  if (process.getuid?.() === 0) chownSync(dataDir, idOf("postgres", "-u"), idOf("postgres", "-g"));
  const pgCtl = path.join(bin, "pg_ctl");
  let running = false;
  const stop = () => {
    if (running) spawnAsServerUser(pgCtl, ["-D", dataDir, "-m", "immediate", "stop"]);
    running = false;
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  try {
    runAsServerUser(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
    const port = await freePort();
    const settings = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dataDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    const start = () => {
      runAsServerUser(pgCtl, ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-w", "-t", String(START_TIMEOUT_SECONDS), "-o", settings, "start"]);
      running = true;
    };
    start();
    runAsServerUser(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", DATABASE]);
    log(`throwaway PostgreSQL on 127.0.0.1:${port}`);
    const pause = () => {
      runAsServerUser(pgCtl, ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      running = false;
    };
    return { url: `postgresql://postgres@127.0.0.1:${port}/${DATABASE}`, stop, pause, resume: start };
  } catch (error) {
    stop();
    throw error;
  }
}
