// The demo command run from its source with tsx (`npm run demo` runs the same code bundled, dist/demo.mjs): exit codes and output.
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtlpStub, type OtlpStub } from "./otlp-stub";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

function demo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, TRACEBOARD_INGEST_TOKEN: "" };
    execFile(TSX, ["scripts/demo/index.ts", ...args], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let accepting: OtlpStub;
let rejecting: OtlpStub;
beforeAll(async () => {
  [accepting, rejecting] = await Promise.all([startOtlpStub(), startOtlpStub({ status: 400 })]);
});
afterAll(async () => {
  await Promise.all([accepting.close(), rejecting.close()]);
});

describe.concurrent("npm run demo", { timeout: 60_000 }, () => {
  it("allAccepted_exit0_withASummary", async () => {
    const { code, stdout } = await demo(["--url", accepting.url, "--traces", "12", "--seed", "cli"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^demo: 12 traces, \d+ spans, \d+ services/m);
    expect(stdout).toMatch(/\d+ spans exported in [\d.]+ s \(\d+ spans\/s\)/);
    expect(accepting.spans().length).toBeGreaterThan(100);
  });

  it("rejected_exit1_namingTheFailure", async () => {
    const { code, stdout } = await demo(["--url", rejecting.url, "--traces", "5"]);
    expect(code).toBe(1);
    expect(stdout).toContain("FAILED");
  });

  it("badOption_exit2_withUsage", async () => {
    const { code, stderr } = await demo(["--traces", "zero"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--traces");
    expect(stderr).toContain("Usage: npm run demo");
  });
});
