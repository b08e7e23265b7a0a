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

/** A port variable's value parsed and checked; throws on anything but a TCP port number. */
export function parsePort(value, name = "E2E_PORT") {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new Error(`${name} must be a TCP port (1-65535), got ${JSON.stringify(value)}`);
  return port;
}

/**
 * A port every Playwright process must agree on: `env[name]` when set, else a free port
 * picked once and written to `env[name]`, so the Playwright workers (which evaluate the
 * config again and inherit the runner's environment) use the same one.
 */
export function sharedPort(name, env = process.env) {
  if (env[name]) return parsePort(env[name], name);
  const port = freePortSync();
  env[name] = String(port);
  return port;
}

/** The end-to-end server's HTTP port (E2E_PORT). */
export function e2ePort(env = process.env) {
  return sharedPort("E2E_PORT", env);
}
