// Runs the stages of `npm test` and returns each one's verdict (stage-verdict.mjs).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./setup.mjs";
import { commandVerdict, playwrightVerdict, vitestVerdict } from "./stage-verdict.mjs";

function spawnInRoot(command, args, { env = {}, stdio = "inherit" } = {}) {
  return spawnSync(command, args, { cwd: ROOT, stdio, encoding: "utf8", env: { ...process.env, ...env } });
}

/** The parsed JSON report at `file`, or null when it is missing or unreadable. */
export function readReport(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** A fresh place for a report: an old one must never stand in for a run that wrote none. */
function clearReport(file) {
  rmSync(file, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
}

/** A check such as `npx tsc --noEmit`: passes when it exits 0. */
export function runCommandStage(stage, command, args) {
  const tool = command === "npx" ? args[0] : command;
  return commandVerdict(stage, tool, spawnInRoot(command, args));
}

/** Vitest with a JSON report at `reportFile` (absolute); `config` chooses another config file than vitest.config.mts. */
export function runVitestStage({ reportFile, env = {}, stage = "unit", config }) {
  clearReport(reportFile);
  const configArgs = config ? ["--config", config] : [];
  const exit = spawnInRoot("npx", ["vitest", "run", ...configArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`], { env });
  return vitestVerdict(exit, readReport(reportFile), stage);
}

/** Like spawnSync, but leaves this process's event loop running (a test may serve the port meanwhile). */
function spawnInRootAsync(command, args, { env = {}, stdio = "inherit" } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.once("error", (error) => resolve({ status: null, signal: null, error, stdout, stderr }));
    child.once("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/**
 * Playwright against a web server it starts itself on `port` (playwright.config.ts reads
 * E2E_PORT and never reuses a running server), with its JSON report at `reportFile`
 * (absolute). `args` are extra CLI arguments (e.g. one spec file); with stdio "pipe" the
 * output is returned instead of shown.
 */
export async function runPlaywrightStage({ port, reportFile, args = [], env = {}, stdio = "inherit" }) {
  clearReport(reportFile);
  const exit = await spawnInRootAsync("npx", ["playwright", "test", ...args], {
    stdio,
    env: { CI: process.env.CI ?? "1", ...env, E2E_PORT: String(port), PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile },
  });
  return { verdict: playwrightVerdict(exit, readReport(reportFile)), output: `${exit.stdout}${exit.stderr}` };
}
