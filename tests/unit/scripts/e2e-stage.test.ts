// Integration: the e2e stage of `npm test` against a port that is already taken. Runs the
// real Playwright (one small spec file) so that it really tries to start its web server,
// and checks the verdict is a failure that says why, never a pass with zero tests.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runPlaywrightStage } from "@/scripts/lib/stages.mjs";

const SPEC = "tests/e2e/services.spec.ts";
const dir = mkdtempSync(path.join(os.tmpdir(), "traceboard-e2e-stage-"));
let occupant: net.Server | undefined;

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  occupant = server;
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  const server = occupant;
  occupant = undefined;
  if (server) await new Promise((resolve) => server.close(resolve));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("e2e stage with its port already taken", () => {
  it.each([
    [
      // A developer's own server answers on the port: Playwright must refuse it, not test it.
      "byAnHttpServerThatAnswers",
      () => http.createServer((_req, res) => res.end("{}")),
      /^playwright exited 1: web server did not start: http:\/\/127\.0\.0\.1:\d+\/api\/health is already used/,
    ],
    [
      // Something holds the port without speaking HTTP: the web server starts, cannot listen, exits.
      "byARawTcpListener",
      () => net.createServer((socket) => socket.destroy()),
      /^playwright exited 1: web server did not start: Process from config\.webServer was not able to start/,
    ],
  ])("%s: the stage fails and says the web server did not start", async (name, occupy, reason) => {
    const port = await listen(occupy());
    const { verdict, output } = await runPlaywrightStage({
      port,
      reportFile: path.join(dir, `${name}.json`),
      args: [SPEC, `--output=${path.join(dir, name)}`],
      stdio: "pipe",
    });
    expect(verdict, output).toMatchObject({ stage: "e2e", ok: false, counts: { passed: 0, failed: 0 } });
    expect(verdict.reason).toMatch(reason);
  }, 120_000);
});
