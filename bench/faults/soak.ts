// Overload soak (`npm run soak`): more offered OTLP load than the writer can commit,
// for SOAK_SECONDS (600) on loopback against the production build with the default
// queue bound. Checks the queue stays bounded (excess answered 503 with Retry-After,
// clients back off and retry), every acknowledged span lands, and the server's RSS
// stays under SOAK_RSS_CEILING_MIB. Prints spans/s sustained and RSS over time.
// Exits 1 when a span is lost, an answer is 500, or RSS passes the ceiling.
//
// The server runs with TRACEBOARD_QUEUE_MAX_SPANS = SOAK_QUEUE_MAX_SPANS (8000), below
// what the clients keep in flight (32 x 500), so the queue really fills.
//
// Environment: SOAK_SECONDS (600), SOAK_CLIENTS (32), SOAK_QUEUE_MAX_SPANS (8000),
// SOAK_RSS_CEILING_MIB (1536), SOAK_PORT (3206).
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { post } from "../lib/ingest-load";
import { positiveIntFromEnv } from "../lib/env-int";
import { OtlpBodySource } from "../lib/otlp-bodies";
import { machineDescription } from "../lib/report.mjs";
import { databaseFilename, ensureProductionBuild, prepareDatabase, serverUrl, startServer, stopServer, stopServersOnExit } from "../lib/servers.mjs";
import { rssMiB, storedSpansInSqlite, traceIdsOf } from "./lib/acknowledged";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DATABASE_URL = "file:./data/soak.db";
const SPANS_PER_BODY = 500;
const SAMPLE_EVERY_MS = 10_000;

const SECONDS = positiveIntFromEnv("SOAK_SECONDS", 600);
const CLIENTS = positiveIntFromEnv("SOAK_CLIENTS", 32);
const QUEUE_MAX_SPANS = positiveIntFromEnv("SOAK_QUEUE_MAX_SPANS", 8000);
const RSS_CEILING_MIB = positiveIntFromEnv("SOAK_RSS_CEILING_MIB", 1536);
const PORT = positiveIntFromEnv("SOAK_PORT", 3206);

async function main() {
  stopServersOnExit();
  console.log(`Machine: ${machineDescription()}`);
  ensureProductionBuild(ROOT, DATABASE_URL);
  prepareDatabase(ROOT, DATABASE_URL);
  const server = await startServer({ root: ROOT, name: "soak", port: PORT, env: { DATABASE_URL, TRACEBOARD_QUEUE_MAX_SPANS: String(QUEUE_MAX_SPANS) } });
  const pid = server.child.pid!;
  const source = new OtlpBodySource(SPANS_PER_BODY, 32);
  const acknowledged = new Set<string>();
  const statuses = new Map<number, number>();
  let acknowledgedSpans = 0;
  let missingRetryAfter = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const url = new URL(serverUrl(PORT, "/v1/traces"));
  const started = Date.now();
  const deadline = started + SECONDS * 1000;

  const client = async () => {
    while (Date.now() < deadline) {
      const recipe = source.recipe();
      const answer = await post(agent, url, source.body(recipe)).catch(() => ({ status: 0, body: "", retryAfter: null }));
      if (answer.status === 503 && !answer.retryAfter) missingRetryAfter += 1;
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 200) {
        for (const traceId of traceIdsOf(recipe)) acknowledged.add(traceId);
        acknowledgedSpans += SPANS_PER_BODY;
      } else {
        // As OTLP exporters do: back off before retrying.
        await sleep(200 + Math.random() * 300);
      }
    }
  };

  const samples: Array<{ second: number; rssMiB: number; spansPerSecond: number }> = [];
  let lastSpans = 0;
  const sampler = (async () => {
    samples.push({ second: 0, rssMiB: rssMiB(pid), spansPerSecond: 0 });
    while (Date.now() < deadline) {
      await sleep(SAMPLE_EVERY_MS);
      const spansPerSecond = Math.round(((acknowledgedSpans - lastSpans) * 1000) / SAMPLE_EVERY_MS);
      lastSpans = acknowledgedSpans;
      const sample = { second: Math.round((Date.now() - started) / 1000), rssMiB: rssMiB(pid), spansPerSecond };
      samples.push(sample);
      console.log(`  ${String(sample.second).padStart(4)} s: ${sample.spansPerSecond} spans/s acknowledged, server RSS ${sample.rssMiB} MiB`);
    }
  })();

  console.log(`Soak: ${CLIENTS} clients posting ${SPANS_PER_BODY}-span bodies for ${SECONDS} s ...`);
  await Promise.all([...Array.from({ length: CLIENTS }, client), sampler]);
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  await stopServer(server);
  const stored = storedSpansInSqlite(databaseFilename(ROOT, DATABASE_URL), acknowledged);

  const maxRss = Math.max(...samples.map((s) => s.rssMiB));
  const lost = acknowledgedSpans - stored;
  const failures: string[] = [];
  if (lost !== 0) failures.push(`${lost} acknowledged spans are missing`);
  if ((statuses.get(500) ?? 0) > 0) failures.push(`${statuses.get(500)} answers were 500`);
  if (missingRetryAfter > 0) failures.push(`${missingRetryAfter} 503 answers had no Retry-After`);
  if (maxRss > RSS_CEILING_MIB) failures.push(`server RSS reached ${maxRss} MiB, over the ${RSS_CEILING_MIB} MiB ceiling`);
  console.log("");
  console.log(`Answers: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status || "socket error"}: ${n}`).join(", ")}.`);
  console.log(
    `Sustained ${Math.round(acknowledgedSpans / elapsed)} spans/s for ${Math.round(elapsed)} s; acknowledged ${acknowledgedSpans}, stored ${stored}, lost ${lost}; ` +
      `server RSS start ${samples[0].rssMiB} MiB, end ${samples.at(-1)!.rssMiB} MiB, max ${maxRss} MiB (ceiling ${RSS_CEILING_MIB} MiB).`,
  );
  if (failures.length) {
    console.error(`FAILED:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
  console.log("OK: bounded under overload, nothing acknowledged lost.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
