// npm test: the whole suite from a fresh clone. Installs what the tests need (npm
// packages, Debian's Chromium and PostgreSQL), then runs the static checks, Vitest
// (the store tests against SQLite and a throwaway PostgreSQL), a production build and
// Playwright against it, and ends with one "N passed, N failed" line.
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./lib/chromium.mjs";
import { startTestPostgres } from "./lib/postgres.mjs";
import { ensureBuild, ensureDependencies, ensurePrismaClient, log, ROOT, runStatus } from "./lib/setup.mjs";
import { addCounts, playwrightCounts, vitestCounts } from "./lib/summary.mjs";

const UNIT_REPORT = "reports/unit-results.json";
const E2E_REPORT = "reports/e2e-results.json";

ensureDependencies();
ensurePrismaClient();
ensureChromium();
// Playwright empties test-results/ when it starts, so the reports live in reports/.
rmSync(path.join(ROOT, "reports"), { recursive: true, force: true });

const checks = [
  ["typecheck", runStatus("npx", ["tsc", "--noEmit", "-p", "."])],
  ["lint", runStatus("npm", ["run", "--silent", "lint"])],
];

let postgres = null;
try {
  postgres = await startTestPostgres();
} catch (error) {
  log(`could not start a test PostgreSQL, its store tests will be skipped: ${error.message}`);
  checks.push(["postgres", 1]);
}
log("unit and API tests (Vitest)");
runStatus("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${UNIT_REPORT}`], {
  env: postgres ? { TEST_POSTGRES_URL: postgres.url } : {},
});
postgres?.stop();

ensureBuild();
// A stale e2e database from an earlier run would leak state between runs.
for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(ROOT, `data/e2e.db${suffix}`), { force: true });
log("end-to-end tests (Playwright, Chromium)");
runStatus("npx", ["playwright", "test"], { env: { CI: process.env.CI ?? "1" } });

const failedChecks = checks.filter(([, status]) => status !== 0).map(([name]) => name);
const counts = addCounts(vitestCounts(UNIT_REPORT), playwrightCounts(E2E_REPORT), {
  passed: checks.length - failedChecks.length,
  failed: failedChecks.length,
  skipped: 0,
});
if (failedChecks.length) log(`failed checks: ${failedChecks.join(", ")}`);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed === 0 ? 0 : 1);
