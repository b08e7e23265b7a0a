// Fault drill (`npm run fault:db-outage`): PostgreSQL stopped under sustained OTLP
// ingest, then started again, with the production build running throughout. Checks:
//  - while the database is down, ingest answers 503 with Retry-After (never a 500),
//    /api/health answers 503, and the server's memory stays bounded;
//  - once it is back, ingest and health recover without a restart;
//  - every span whose request got a 2xx is stored (counted per acknowledged trace id).
// Uses a throwaway cluster from Debian's packages on 127.0.0.1 (installed with apt when
// missing), removed at exit. Exits 1 when a check fails.
//
// Environment: FAULT_CYCLES (2), FAULT_UP_SECONDS (6), FAULT_DOWN_SECONDS (8),
// FAULT_CLIENTS (8), FAULT_PORT (3205).
import { spawnSync } from "node:child_process";
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startTestPostgres } from "../../scripts/lib/postgres.mjs";
import { post } from "../lib/ingest-load";
import { positiveIntFromEnv } from "../lib/env-int";
import { OtlpBodySource } from "../lib/otlp-bodies";
import { machineDescription } from "../lib/report.mjs";
import { rssMiB, traceIdsOf } from "./lib/acknowledged";
import { ensureProductionBuild, serverUrl, startServer, stopServer, stopServersOnExit } from "../lib/servers.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SPANS_PER_BODY = 200;

const CYCLES = positiveIntFromEnv("FAULT_CYCLES", 2);
const UP_SECONDS = positiveIntFromEnv("FAULT_UP_SECONDS", 6);
const DOWN_SECONDS = positiveIntFromEnv("FAULT_DOWN_SECONDS", 8);
const CLIENTS = positiveIntFromEnv("FAULT_CLIENTS", 8);
const PORT = positiveIntFromEnv("FAULT_PORT", 3205);

/** /api/health's status, 0 when it does not answer. */
async function healthStatus(): Promise<number> {
  try {
    return (await fetch(serverUrl(PORT, "/api/health"), { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

async function storedSpansOf(url: string, traceIds: Set<string>): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM spans WHERE trace_id = ANY($1)", [[...traceIds]]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

async function main() {
  stopServersOnExit();
  console.log(`Machine: ${machineDescription()}`);
  const postgres = await startTestPostgres();
  const migrated = spawnSync(process.execPath, ["scripts/migrate.mjs"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: postgres.url }, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(`migration failed: ${migrated.stderr}`);
  ensureProductionBuild(ROOT, "file:./data/fault-outage-build.db");
  const server = await startServer({ root: ROOT, name: "outage drill", port: PORT, env: { DATABASE_URL: postgres.url } });
  const pid = server.child.pid!;
  const source = new OtlpBodySource(SPANS_PER_BODY, 16);
  const acknowledged = new Set<string>();
  let acknowledgedSpans = 0;
  const statuses = new Map<number, number>();
  let missingRetryAfter = 0;
  const rss: number[] = [rssMiB(pid)];
  const failures: string[] = [];

  // Closed-loop clients that record every answer's status, through up and down periods.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const totalSeconds = CYCLES * (UP_SECONDS + DOWN_SECONDS) + UP_SECONDS;
  const deadline = Date.now() + totalSeconds * 1000;
  const url = new URL(serverUrl(PORT, "/v1/traces"));
  const client = async () => {
    while (Date.now() < deadline) {
      const recipe = source.recipe();
      try {
        const answer = await post(agent, url, source.body(recipe));
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 200) {
          for (const traceId of traceIdsOf(recipe)) acknowledged.add(traceId);
          acknowledgedSpans += source.spansIn(recipe);
        } else {
          await sleep(100);
        }
      } catch {
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
        await sleep(100);
      }
    }
  };
  const load = Promise.all(Array.from({ length: CLIENTS }, client));

  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    await sleep(UP_SECONDS * 1000);
    console.log(`Outage ${cycle}: stopping PostgreSQL for ${DOWN_SECONDS} s ...`);
    postgres.pause();
    const downSince = Date.now();
    await sleep(1_000);
    const refused = await post(agent, url, source.body(source.recipe()));
    if (refused.status !== 503) failures.push(`outage ${cycle}: ingest answered ${refused.status}, expected 503`);
    if (!refused.retryAfter) missingRetryAfter += 1;
    const health = await healthStatus();
    if (health !== 503) failures.push(`outage ${cycle}: /api/health answered ${health}, expected 503`);
    while (Date.now() - downSince < DOWN_SECONDS * 1000) {
      rss.push(rssMiB(pid));
      await sleep(1_000);
    }
    console.log(`  during the outage: ingest ${refused.status}, health ${health}, server RSS up to ${Math.max(...rss)} MiB`);
    postgres.resume();
    const backSince = Date.now();
    let recovered = 0;
    while (Date.now() - backSince < 30_000) {
      if ((await healthStatus()) === 200) {
        recovered = Date.now() - backSince;
        break;
      }
      await sleep(250);
    }
    if (!recovered) failures.push(`outage ${cycle}: /api/health did not answer 200 within 30 s of PostgreSQL returning`);
    console.log(`  PostgreSQL back; health 200 after ${recovered} ms`);
  }
  await load;
  agent.destroy();
  rss.push(rssMiB(pid));

  const ok200Before = statuses.get(200) ?? 0;
  const after = await post(new http.Agent(), url, source.body(source.recipe()));
  if (after.status !== 200) failures.push(`ingest after the drill answered ${after.status}`);
  await stopServer(server);
  const stored = await storedSpansOf(postgres.url, acknowledged);
  postgres.stop();

  const lost = acknowledgedSpans - stored;
  if (lost !== 0) failures.push(`${lost} acknowledged spans are missing`);
  if ((statuses.get(500) ?? 0) > 0) failures.push(`${statuses.get(500)} answers were 500`);
  if (missingRetryAfter > 0) failures.push(`${missingRetryAfter} 503 answers had no Retry-After`);
  console.log("");
  console.log(`Answers: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status || "socket error"}: ${n}`).join(", ")} (${ok200Before} acknowledged).`);
  console.log(`Outages: ${CYCLES} of ${DOWN_SECONDS} s; acknowledged spans ${acknowledgedSpans}, stored ${stored}, lost ${lost}; server RSS ${rss[0]} -> max ${Math.max(...rss)} -> ${rss.at(-1)} MiB.`);
  if (failures.length) {
    console.error(`FAILED:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
  console.log("OK: 503 with Retry-After during outages, recovery without restart, nothing acknowledged lost.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
