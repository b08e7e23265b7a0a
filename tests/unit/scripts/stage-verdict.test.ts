import { describe, expect, it } from "vitest";
import {
  commandVerdict,
  type Exit,
  failedStage,
  playwrightVerdict,
  summarize,
  summaryLines,
  type Verdict,
  vitestVerdict,
} from "@/scripts/lib/stage-verdict.mjs";

const OK: Exit = { status: 0 };
const EXIT_1: Exit = { status: 1 };

/** A Playwright JSON report: its stats and top-level errors. */
function playwrightReport(stats: { expected?: number; unexpected?: number; flaky?: number; skipped?: number }, errors: object[] = []) {
  return { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0, ...stats }, errors, suites: [] };
}

/** A Vitest JSON report with the given counts and per-file results. */
function vitestReport(counts: { passed?: number; failed?: number; pending?: number; todo?: number }, testResults: object[] = []) {
  const { passed = 0, failed = 0, pending = 0, todo = 0 } = counts;
  return {
    numTotalTests: passed + failed + pending + todo,
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: pending,
    numTodoTests: todo,
    success: failed === 0 && testResults.every((file) => (file as { status: string }).status !== "failed"),
    testResults,
  };
}

const ALREADY_USED = "Error: http://127.0.0.1:3100/api/health is already used, make sure that nothing is running on the port/url or set reuseExistingServer:true in config.webServer.";

describe("playwrightVerdict", () => {
  it.each([
    ["passing", OK, playwrightReport({ expected: 40, skipped: 1 }), { passed: 40, failed: 0, skipped: 1 }],
    ["flakyCountsAsPassed", OK, playwrightReport({ expected: 3, flaky: 1 }), { passed: 4, failed: 0, skipped: 0 }],
  ])("%s passes", (_name, exit, report, counts) => {
    expect(playwrightVerdict(exit, report)).toEqual({ stage: "e2e", ok: true, counts });
  });

  it.each([
    ["webServerAlreadyUsed", EXIT_1, playwrightReport({}, [{ message: ALREADY_USED, stack: ALREADY_USED }]), "playwright exited 1: web server did not start: http://127.0.0.1:3100/api/health is already used"],
    ["webServerExited", EXIT_1, playwrightReport({}, [{ message: "Error: Process from config.webServer was not able to start. Exit code: 1" }]), "playwright exited 1: web server did not start: Process from config.webServer was not able to start. Exit code: 1"],
    ["reportErrorsDespiteExit0", OK, playwrightReport({}, [{ message: "Error: global setup threw" }]), "global setup threw"],
    ["zeroTests", OK, playwrightReport({}), "ran zero tests"],
    ["onlySkipped", OK, playwrightReport({ skipped: 5 }), "ran zero tests (5 skipped)"],
    ["nonZeroExitWithPassingCounts", EXIT_1, playwrightReport({ expected: 40 }), "playwright exited 1"],
    ["failedTests", EXIT_1, playwrightReport({ expected: 38, unexpected: 2 }), "playwright exited 1: 2 tests failed"],
    ["noReport", EXIT_1, null, "playwright exited 1: wrote no readable JSON report"],
    ["noReportExit0", OK, null, "wrote no readable JSON report"],
    ["killed", { status: null, signal: "SIGKILL" }, null, "playwright was killed by SIGKILL"],
    ["didNotSpawn", { status: null, error: new Error("spawnSync npx ENOENT") }, null, "playwright did not start: spawnSync npx ENOENT"],
  ])("%s fails", (_name, exit, report, reason) => {
    const verdict = playwrightVerdict(exit, report);
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toContain(reason);
  });
});

describe("vitestVerdict", () => {
  const brokenFile = { name: "/repo/tests/unit/broken.test.ts", status: "failed", message: "Error: Cannot find module './gone'\n    at stack", assertionResults: [] };
  const failingFile = { name: "/repo/tests/unit/red.test.ts", status: "failed", message: "", assertionResults: [{ status: "failed" }] };

  it.each([
    ["passing", OK, vitestReport({ passed: 2000, pending: 3, todo: 1 }), { passed: 2000, failed: 0, skipped: 4 }],
  ])("%s passes", (_name, exit, report, counts) => {
    expect(vitestVerdict(exit, report)).toEqual({ stage: "unit", ok: true, counts });
  });

  it.each([
    ["zeroTests", OK, vitestReport({}), "ran zero tests"],
    ["onlySkipped", OK, vitestReport({ pending: 12 }), "ran zero tests (12 skipped)"],
    ["nonZeroExitWithPassingCounts", EXIT_1, vitestReport({ passed: 2000 }), "vitest exited 1"],
    ["failedTests", EXIT_1, vitestReport({ passed: 10, failed: 1 }, [failingFile]), "vitest exited 1: 1 test failed"],
    ["fileThatCouldNotRun", EXIT_1, vitestReport({ passed: 10 }, [brokenFile]), "vitest exited 1: /repo/tests/unit/broken.test.ts could not run: Cannot find module './gone'"],
    ["reportSaysNoSuccess", OK, { ...vitestReport({ passed: 10 }), success: false }, "did not succeed"],
    ["noReport", EXIT_1, null, "vitest exited 1: wrote no readable JSON report"],
  ])("%s fails", (_name, exit, report, reason) => {
    const verdict = vitestVerdict(exit, report);
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toContain(reason);
  });

  it("otherStage_namedInItsVerdict: the multi-instance stage skipped whole (no PostgreSQL) fails", () => {
    expect(vitestVerdict(OK, vitestReport({ pending: 6 }), "multi-instance")).toEqual({
      stage: "multi-instance",
      ok: false,
      reason: "ran zero tests (6 skipped)",
      counts: { passed: 0, failed: 0, skipped: 6 },
    });
    expect(vitestVerdict(OK, vitestReport({ passed: 6 }), "multi-instance")).toMatchObject({ stage: "multi-instance", ok: true });
  });
});

describe("commandVerdict", () => {
  it.each([
    ["exit0", OK, true, { passed: 1, failed: 0, skipped: 0 }, undefined],
    ["exit2", { status: 2 }, false, { passed: 0, failed: 1, skipped: 0 }, "tsc exited 2"],
    ["killed", { status: null, signal: "SIGTERM" }, false, { passed: 0, failed: 1, skipped: 0 }, "tsc was killed by SIGTERM"],
  ])("%s", (_name, exit, ok, counts, reason) => {
    expect(commandVerdict("typecheck", "tsc", exit)).toEqual({ stage: "typecheck", ok, counts, ...(reason ? { reason } : {}) });
  });
});

describe("summarize and summaryLines", () => {
  const passing: Verdict[] = [
    commandVerdict("typecheck", "tsc", OK),
    commandVerdict("lint", "eslint", OK),
    vitestVerdict(OK, vitestReport({ passed: 2180, pending: 2 })),
    commandVerdict("build", "next build", OK),
    playwrightVerdict(OK, playwrightReport({ expected: 40 })),
  ];

  it("allStagesPass: exit 0 and the closing line counts the Playwright tests", () => {
    const summary = summarize(passing);
    expect(summary.exitCode).toBe(0);
    expect(summaryLines(summary)).toEqual(["tests: 2223 passed, 0 failed, 2 skipped"]);
  });

  it.each([
    ["e2eWebServerDidNotStart", playwrightVerdict(EXIT_1, playwrightReport({}, [{ message: ALREADY_USED }])), "tests: 2183 passed, 1 failed, 2 skipped"],
    ["e2eZeroTests", playwrightVerdict(OK, playwrightReport({})), "tests: 2183 passed, 1 failed, 2 skipped"],
    ["e2eExit1WithPassingCounts", playwrightVerdict(EXIT_1, playwrightReport({ expected: 40 })), "tests: 2223 passed, 1 failed, 2 skipped"],
    ["e2eTwoTestsFailed", playwrightVerdict(EXIT_1, playwrightReport({ expected: 38, unexpected: 2 })), "tests: 2221 passed, 2 failed, 2 skipped"],
    ["e2eNotRun", failedStage("e2e", "not run: the build failed"), "tests: 2183 passed, 1 failed, 2 skipped"],
  ])("%s: exit 1, the stage named with its reason, failed > 0", (_name, e2e, closing) => {
    const summary = summarize([...passing.slice(0, -1), e2e]);
    expect(summary.exitCode).toBe(1);
    expect(summary.counts.failed).toBeGreaterThan(0);
    expect(summaryLines(summary)).toEqual([`failed stages: e2e (${e2e.reason})`, closing]);
  });

  it("severalFailedStages: each one is named", () => {
    const summary = summarize([commandVerdict("lint", "eslint", EXIT_1), vitestVerdict(OK, vitestReport({})), ...passing.slice(3)]);
    expect(summary.exitCode).toBe(1);
    expect(summaryLines(summary)[0]).toBe("failed stages: lint (eslint exited 1), unit (ran zero tests)");
  });
});
