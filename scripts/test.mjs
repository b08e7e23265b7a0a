// npm test: the whole suite from a fresh clone. Installs what the tests need (npm
// packages, Debian's Chromium and PostgreSQL), then runs the static checks, Vitest
// (the store tests against SQLite and a throwaway PostgreSQL), a production build, three
// instances of it on that PostgreSQL (Vitest, tests/multi-instance) and Playwright against
// it on a free port, and ends with one "N passed, N failed" line.
// It exits 1 when any stage failed, not only when a test failed: a tool that exited
// non-zero, a report with errors (a web server that did not start) or zero tests
// (scripts/lib/stage-verdict.mjs); the line before the last names each failed stage.
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./lib/chromium.mjs";
import { e2ePort } from "./lib/free-port.mjs";
import { startTestPostgres } from "./lib/postgres.mjs";
import { buildWhenChanged, ensureDependencies, ensurePrismaClient, log, ROOT } from "./lib/setup.mjs";
import { commandVerdict, failedStage, summarize, summaryLines } from "./lib/stage-verdict.mjs";
import { runCommandStage, runPlaywrightStage, runVitestStage } from "./lib/stages.mjs";

const UNIT_REPORT = path.join(ROOT, "reports/unit-results.json");
const E2E_REPORT = path.join(ROOT, "reports/e2e-results.json");
const MULTI_INSTANCE_REPORT = path.join(ROOT, "reports/multi-instance-results.json");
const MULTI_INSTANCE_CONFIG = "vitest.multi-instance.config.mts";

ensureDependencies();
ensurePrismaClient();
ensureChromium();
// Playwright empties test-results/ when it starts, so the reports live in reports/.
rmSync(path.join(ROOT, "reports"), { recursive: true, force: true });

const verdicts = [
  runCommandStage("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]),
  // ESLint, then the layer rules (dependency-cruiser): see `npm run lint`.
  runCommandStage("lint", "npm", ["run", "--silent", "lint"]),
];

let postgres = null;
try {
  postgres = await startTestPostgres();
} catch (error) {
  log(`could not start a test PostgreSQL, its store tests will be skipped: ${error.message}`);
  verdicts.push(failedStage("postgres", `could not start a test PostgreSQL: ${error.message}`));
}
log("unit and API tests (Vitest)");
verdicts.push(runVitestStage({ reportFile: UNIT_REPORT, env: postgres ? { TEST_POSTGRES_URL: postgres.url } : {} }));

const build = commandVerdict("build", "next build", { status: buildWhenChanged() });
verdicts.push(build);
// Three production servers on one PostgreSQL database (tests/multi-instance): needs the build.
if (!build.ok) {
  verdicts.push(failedStage("multi-instance", "not run: the build failed"));
} else if (!postgres) {
  verdicts.push(failedStage("multi-instance", "not run: no test PostgreSQL"));
} else {
  log("several app instances on one PostgreSQL (Vitest, the production build)");
  verdicts.push(
    runVitestStage({ stage: "multi-instance", config: MULTI_INSTANCE_CONFIG, reportFile: MULTI_INSTANCE_REPORT, env: { TEST_POSTGRES_URL: postgres.url } }),
  );
}
postgres?.stop();

if (build.ok) {
  // A stale e2e database from an earlier run would leak state between runs.
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(ROOT, `data/e2e.db${suffix}`), { force: true });
  // E2E_PORT when given, else a free port: never a server someone else started.
  const port = e2ePort({ E2E_PORT: process.env.E2E_PORT });
  log(`end-to-end tests (Playwright, Chromium) against a server it starts on 127.0.0.1:${port}`);
  verdicts.push((await runPlaywrightStage({ port, reportFile: E2E_REPORT })).verdict);
} else {
  verdicts.push(failedStage("e2e", "not run: the build failed"));
}

const summary = summarize(verdicts);
console.log("");
for (const line of summaryLines(summary)) console.log(line);
process.exit(summary.exitCode);
