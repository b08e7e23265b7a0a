import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./setup.mjs";

function readJson(relative) {
  const file = path.join(ROOT, relative);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

/** Counts from Vitest's JSON report. */
export function vitestCounts(relative) {
  const report = readJson(relative);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

/** Counts from Playwright's JSON report. */
export function playwrightCounts(relative) {
  const report = readJson(relative);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

export function addCounts(...counts) {
  return counts.reduce((sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed, skipped: sum.skipped + c.skipped }));
}
