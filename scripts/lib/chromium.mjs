import { existsSync } from "node:fs";
import { aptInstall } from "./apt.mjs";
import { log } from "./setup.mjs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Playwright drives Debian's Chromium; install it with apt when it is missing. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  log(`installing Debian's chromium (not found at ${CHROMIUM_PATH})`);
  aptInstall("chromium");
}
