// The verdict of each `npm test` stage, from its exit and its report, and the closing
// summary. Pure functions (no I/O): tests/unit/scripts/stage-verdict.test.ts runs them on
// fixture reports. A stage passes only when its tool exited 0 AND its report shows tests
// that ran and none that failed; every failure carries a reason that names it.

const NO_COUNTS = Object.freeze({ passed: 0, failed: 0, skipped: 0 });

/**
 * "tsc exited 2", "vitest was killed by SIGTERM", "playwright did not start: spawn npx ENOENT",
 * or null when the process exited 0. `exit` is the shape spawnSync returns.
 */
export function describeExit(tool, exit) {
  if (exit.error) return `${tool} did not start: ${exit.error.message}`;
  if (exit.signal) return `${tool} was killed by ${exit.signal}`;
  if (exit.status === 0) return null;
  return `${tool} exited ${exit.status ?? "without a status"}`;
}

function verdict(stage, counts, exitProblem, problems) {
  if (!exitProblem && problems.length === 0) return { stage, ok: true, counts };
  const reason = [exitProblem, problems.join("; ")].filter(Boolean).join(": ");
  return { stage, ok: false, reason, counts };
}

/** A stage that is not a test run (type check, lint, build): one check, passed or failed. */
export function commandVerdict(stage, tool, exit) {
  const problem = describeExit(tool, exit);
  return verdict(stage, problem ? { ...NO_COUNTS, failed: 1 } : { ...NO_COUNTS, passed: 1 }, problem, []);
}

/** A stage that failed before it could run (e.g. its prerequisite did not start). */
export function failedStage(stage, reason) {
  return { stage, ok: false, reason, counts: NO_COUNTS };
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const firstLine = (text) => String(text ?? "").split("\n")[0].replace(/^Error: /, "").trim();

/** Vitest's JSON report (`--reporter=json`) of the stage `stage`: counts, failed tests, files that could not run. */
export function vitestVerdict(exit, report, stage = "unit") {
  const exitProblem = describeExit("vitest", exit);
  if (!report) return verdict(stage, NO_COUNTS, exitProblem, ["wrote no readable JSON report"]);
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  const problems = [];
  if (counts.failed > 0) problems.push(`${plural(counts.failed, "test")} failed`);
  // A file that fails to import or throws at the top level fails without any failed test.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
  );
  for (const file of brokenFiles) problems.push(`${file.name} could not run: ${firstLine(file.message) || "no message"}`);
  if (counts.passed + counts.failed === 0) problems.push(`ran zero tests${counts.skipped ? ` (${counts.skipped} skipped)` : ""}`);
  if (report.success === false && problems.length === 0) problems.push("its report says the run did not succeed");
  return verdict(stage, counts, exitProblem, problems);
}

/** A Playwright top-level error in words; errors from config.webServer say so. */
function describePlaywrightError(error) {
  const message = firstLine(error?.message ?? error?.value ?? error);
  return /webServer|is already used/.test(message) ? `web server did not start: ${message}` : message;
}

/**
 * Playwright's JSON report: its `stats`, and its top-level `errors` (a web server that did
 * not start, a global setup that threw, a config that did not load) which fail the run
 * before any test does.
 */
export function playwrightVerdict(exit, report) {
  const exitProblem = describeExit("playwright", exit);
  if (!report) return verdict("e2e", NO_COUNTS, exitProblem, ["wrote no readable JSON report"]);
  const stats = report.stats ?? {};
  const counts = {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
  const problems = (report.errors ?? []).map(describePlaywrightError);
  if (counts.failed > 0) problems.push(`${plural(counts.failed, "test")} failed`);
  if (problems.length === 0 && counts.passed + counts.failed === 0) {
    problems.push(`ran zero tests${counts.skipped ? ` (${counts.skipped} skipped)` : ""}`);
  }
  return verdict("e2e", counts, exitProblem, problems);
}

/**
 * Adds up the stages. A stage that failed without a failed test of its own (a tool that
 * exited non-zero, a web server that did not start, zero tests) counts as one failure,
 * so `failed` is 0 exactly when every stage passed.
 */
export function summarize(verdicts) {
  const counts = { ...NO_COUNTS };
  for (const { ok, counts: c } of verdicts) {
    counts.passed += c.passed;
    counts.failed += c.failed + (!ok && c.failed === 0 ? 1 : 0);
    counts.skipped += c.skipped;
  }
  const failedStages = verdicts.filter((v) => !v.ok);
  return { counts, failedStages, exitCode: failedStages.length === 0 ? 0 : 1 };
}

/** The closing lines: the failed stages with their reasons, if any, then the line CI parses. */
export function summaryLines({ counts, failedStages }) {
  const lines = [];
  if (failedStages.length) lines.push(`failed stages: ${failedStages.map((v) => `${v.stage} (${v.reason})`).join(", ")}`);
  lines.push(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return lines;
}
