// Overload soak (`npm run soak`): more offered OTLP load than the writer can commit
// (half the clients over OTLP/HTTP JSON, half over OTLP/gRPC),
// for SOAK_SECONDS (600) on loopback against the production build with the default
// queue bound. Checks the queue stays bounded (excess answered 503 with Retry-After, or
// UNAVAILABLE with RetryInfo; clients back off and retry), every acknowledged span lands,
// and the server's RSS stays under SOAK_RSS_CEILING_MIB. Prints spans/s sustained and
// RSS over time. Exits 1 when a span is lost, an answer is 500 (INTERNAL), or RSS passes
// the ceiling.
//
// The server runs with TRACEBOARD_QUEUE_MAX_SPANS = SOAK_QUEUE_MAX_SPANS (8000), below
// what the clients keep in flight (32 x 500), so the queue really fills.
//
// Environment: SOAK_SECONDS (600), SOAK_CLIENTS (32), SOAK_QUEUE_MAX_SPANS (8000),
// SOAK_RSS_CEILING_MIB (1536), SOAK_PORT (3206).
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { freePortSync } from "../../scripts/lib/free-port.mjs";
import { mixedTransports, otlpGrpc, otlpHttpJson, type SendResult } from "../lib/ingest-transports";
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
  const grpcPort = freePortSync();
  const server = await startServer({
    root: ROOT,
    name: "soak",
    port: PORT,
    env: { DATABASE_URL, TRACEBOARD_QUEUE_MAX_SPANS: String(QUEUE_MAX_SPANS), TRACEBOARD_OTLP_GRPC_PORT: String(grpcPort), TRACEBOARD_OTLP_GRPC_HOST: "127.0.0.1" },
  });
  const pid = server.child.pid!;
  const source = new OtlpBodySource(SPANS_PER_BODY, 32);
  const acknowledged = new Set<string>();
  const outcomes = new Map<string, number>();
  let acknowledgedSpans = 0;
  let missingRetryAfter = 0;
  let internalErrors = 0;
  const transport = mixedTransports([otlpHttpJson(source, new URL(serverUrl(PORT, "/v1/traces")), CLIENTS), otlpGrpc(source, `127.0.0.1:${grpcPort}`, CLIENTS)]);
  const started = Date.now();
  const deadline = started + SECONDS * 1000;

  const client = async (number: number) => {
    while (Date.now() < deadline) {
      const recipe = source.recipe();
      const answer = await transport.send(recipe, number).catch((error: Error): SendResult => ({ kind: "failed", message: error.message }));
      const outcome = answer.kind === "failed" ? answer.message.split(":")[0] : answer.kind;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (answer.kind === "refused" && answer.retryAfterSeconds === null) missingRetryAfter += 1;
      if (outcome === "HTTP 500" || outcome === "gRPC INTERNAL") {
        internalErrors += 1;
        if (internalErrors <= 3) console.warn(`  ${(answer as { message: string }).message}`);
      }
      if (answer.kind === "acknowledged") {
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
  await Promise.all([...Array.from({ length: CLIENTS }, (_, number) => client(number)), sampler]);
  const elapsed = (Date.now() - started) / 1000;
  transport.close();
  await stopServer(server);
  const stored = storedSpansInSqlite(databaseFilename(ROOT, DATABASE_URL), acknowledged);

  const maxRss = Math.max(...samples.map((s) => s.rssMiB));
  const lost = acknowledgedSpans - stored;
  const failures: string[] = [];
  if (lost !== 0) failures.push(`${lost} acknowledged spans are missing`);
  if (internalErrors > 0) failures.push(`${internalErrors} answers were 500 or INTERNAL`);
  if (missingRetryAfter > 0) failures.push(`${missingRetryAfter} refusals had no Retry-After or RetryInfo`);
  if (maxRss > RSS_CEILING_MIB) failures.push(`server RSS reached ${maxRss} MiB, over the ${RSS_CEILING_MIB} MiB ceiling`);
  console.log("");
  console.log(`Answers: ${[...outcomes].map(([outcome, n]) => `${outcome}: ${n}`).join(", ")}.`);
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
