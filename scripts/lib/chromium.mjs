import { existsSync } from "node:fs";
import { log, run } from "./setup.mjs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Playwright drives Debian's Chromium; install it with apt when it is missing. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  log(`installing Debian's chromium (not found at ${CHROMIUM_PATH})`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (...args) => (sudo.length ? run("sudo", ["apt-get", ...args]) : run("apt-get", args));
  apt("update", "-qq");
  apt("install", "-y", "-qq", "chromium");
}
