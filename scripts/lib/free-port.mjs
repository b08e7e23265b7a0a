// A free TCP port on 127.0.0.1, found synchronously (playwright.config.ts is evaluated
// synchronously), and the end-to-end port every Playwright process must agree on.
import { spawnSync } from "node:child_process";

const PICK_PORT = `const server = require("node:net").createServer();
server.listen(0, "127.0.0.1", () => { process.stdout.write(String(server.address().port)); server.close(); });`;

/** A port the OS reports free on 127.0.0.1 right now (asks a child node to bind port 0). */
export function freePortSync() {
  const result = spawnSync(process.execPath, ["-e", PICK_PORT], { encoding: "utf8" });
  const port = Number(result.stdout);
  if (result.status !== 0 || !Number.isInteger(port) || port <= 0) {
    throw new Error(`could not find a free port: ${result.stderr || `exit ${result.status}`}`);
  }
  return port;
}

/** E2E_PORT parsed and checked; throws on anything but a TCP port number. */
export function parsePort(value) {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new Error(`E2E_PORT must be a TCP port (1-65535), got ${JSON.stringify(value)}`);
  return port;
}

/**
 * The end-to-end port: E2E_PORT when set, else a free port picked once and written to
 * `env.E2E_PORT`, so the Playwright workers (which evaluate the config again and
 * inherit the runner's environment) use the same one.
 */
export function e2ePort(env = process.env) {
  if (env.E2E_PORT) return parsePort(env.E2E_PORT);
  const port = freePortSync();
  env.E2E_PORT = String(port);
  return port;
}
