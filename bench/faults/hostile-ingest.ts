// Hostile ingest drill (`npm run fault:hostile-ingest`): the shapes the hostile probe
// sent (small bodies with millions of items, masses of invalid spans, deep nesting, a
// gzip bomb) and the largest valid bodies (the most spans a request may hold, as
// protobuf; OTLP JSON at the body size limit), each sent HOSTILE_ROUNDS times to the
// production build while a second client asks /api/health every 10 ms. Prints, per
// shape, the answer, how long the server took to refuse or accept it, and the health
// check's p50 / max latency against the 100 ms target. Exits 1 when an answer is a 5xx
// or a health check fails.
//
// Runs on SQLite, then on a throwaway PostgreSQL cluster.
//
// Environment: HOSTILE_ROUNDS (3), HOSTILE_PORT (3207).
import { spawnSync } from "node:child_process";
import http from "node:http";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { positiveIntFromEnv } from "../lib/env-int";
import { OtlpBodySource } from "../lib/otlp-bodies";
import { encodeProtobufRequest } from "../../tests/api/support/otlp";
import { machineDescription } from "../lib/report.mjs";
import { startTestPostgres } from "../../scripts/lib/postgres.mjs";
import { ensureProductionBuild, prepareDatabase, serverUrl, startServer, stopServer, stopServersOnExit } from "../lib/servers.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DATABASE_URL = "file:./data/hostile.db";
const ROUNDS = positiveIntFromEnv("HOSTILE_ROUNDS", 3);
const PORT = positiveIntFromEnv("HOSTILE_PORT", 3207);
const HEALTH_EVERY_MS = 10;
const HEALTH_TARGET_MS = 100;

interface Shape {
  name: string;
  path: string;
  body: () => Buffer;
  headers?: Record<string, string>;
}

const numbers = (count: number) => Buffer.from(`[${Array.from({ length: count }, (_, i) => i % 10).join(",")}]`);
const nested = (depth: number) => Buffer.from(`${"[".repeat(depth)}${"]".repeat(depth)}`);

function shapes(): Shape[] {
  const valid = (spans: number) => {
    const source = new OtlpBodySource(spans, 1);
    return () => source.body(source.recipe());
  };
  const protobuf = (spans: number) => () => Buffer.from(encodeProtobufRequest(JSON.parse(valid(spans)().toString())));
  return [
    { name: "zipkin: 4 MB, 2 M numbers (the probe)", path: "/api/v2/spans", body: () => numbers(2_000_000) },
    { name: "zipkin: 8 MB, 4 M numbers", path: "/api/v2/spans", body: () => numbers(4_000_000) },
    { name: "native: 4 MB, 2 M numbers", path: "/api/tracing/spans", body: () => numbers(2_000_000) },
    { name: "zipkin: 45,000 invalid spans", path: "/api/v2/spans", body: () => Buffer.from(JSON.stringify(Array.from({ length: 45_000 }, (_, i) => ({ id: i })))) },
    { name: "otlp: 100,000-deep nesting", path: "/v1/traces", body: () => nested(100_000) },
    { name: "otlp: gzip bomb (256 MB of zeros)", path: "/v1/traces", body: () => gzipSync(Buffer.alloc(1 << 28)), headers: { "content-encoding": "gzip" } },
    { name: "otlp: valid, 10,000 spans", path: "/v1/traces", body: valid(10_000) },
    // Just under the 20 MB body limit (TRACEBOARD_MAX_BODY_BYTES).
    { name: "otlp: valid, 28,000 spans", path: "/v1/traces", body: valid(28_000) },
    // The most spans one request may hold (TRACEBOARD_MAX_SPANS_PER_REQUEST).
    {
      name: "otlp protobuf: valid, 50,000 spans",
      path: "/v1/traces",
      body: protobuf(50_000),
      headers: { "content-type": "application/x-protobuf" },
    },
  ];
}

function send(url: URL, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", "content-length": body.length, ...headers } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", () => resolve(0));
    request.end(body);
  });
}

/** Asks /api/health every HEALTH_EVERY_MS until `stop` resolves; the latency of each answer, -1 for a failure. */
async function healthWhile(stop: Promise<unknown>): Promise<number[]> {
  const url = new URL(serverUrl(PORT, "/api/health"));
  const latencies: number[] = [];
  let stopped = false;
  void stop.finally(() => (stopped = true));
  while (!stopped) {
    const started = performance.now();
    const status = await new Promise<number>((resolve) => http.get(url, (response) => (response.resume(), response.on("end", () => resolve(response.statusCode ?? 0)))).on("error", () => resolve(0)));
    latencies.push(status === 200 ? performance.now() - started : -1);
    await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
  }
  return latencies;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

interface Outcome {
  rows: string[][];
  failed: boolean;
}

/** Every shape against a server on `databaseUrl`; a row per shape. */
async function runShapes(database: string, databaseUrl: string): Promise<Outcome> {
  const server = await startServer({ root: ROOT, name: `hostile (${database})`, port: PORT, env: { DATABASE_URL: databaseUrl } });
  let failed = false;
  const rows: string[][] = [];
  try {
    for (const shape of shapes()) {
      const body = shape.body();
      const statuses = new Set<number>();
      const answerMs: number[] = [];
      const health: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        const answer = send(new URL(serverUrl(PORT, shape.path)), body, shape.headers ?? {}).then((status) => {
          answerMs.push(performance.now() - started);
          return status;
        });
        health.push(...(await healthWhile(answer)));
        statuses.add(await answer);
      }
      const ok = health.filter((ms) => ms >= 0).sort((a, b) => a - b);
      const healthFailures = health.length - ok.length;
      const max = ok.at(-1) ?? 0;
      if (healthFailures > 0 || [...statuses].some((status) => status >= 500 || status === 0)) failed = true;
      rows.push([
        database,
        shape.name,
        `${(body.length / 1e6).toFixed(1)} MB`,
        [...statuses].join("/"),
        `${Math.round(Math.max(...answerMs))} ms`,
        `${Math.round(percentile(ok, 0.5) ?? 0)} / ${Math.round(max)} ms`,
        `< ${HEALTH_TARGET_MS} ms`,
        healthFailures > 0 ? `FAIL (${healthFailures} health checks failed)` : max < HEALTH_TARGET_MS ? "met" : "NOT MET",
      ]);
    }
  } finally {
    await stopServer(server);
  }
  return { rows, failed };
}

/** The same shapes against a throwaway PostgreSQL cluster (fsync off), migrated like production. */
async function runOnPostgres(): Promise<Outcome> {
  const postgres = await startTestPostgres();
  try {
    const migrated = spawnSync(process.execPath, ["scripts/migrate.mjs"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: postgres.url }, encoding: "utf8" });
    if (migrated.status !== 0) throw new Error(`migrating PostgreSQL failed: ${migrated.stderr}`);
    return await runShapes("PostgreSQL", postgres.url);
  } finally {
    postgres.stop();
  }
}

function printTable(rows: string[][]): void {
  const header = ["database", "shape", "body", "status", "answered in (max)", "health p50 / max", "target", "verdict"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join("  ");
  console.log(`\n${ROUNDS} rounds per shape; /api/health asked every ${HEALTH_EVERY_MS} ms meanwhile\n`);
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

async function main() {
  stopServersOnExit();
  console.log(`Machine: ${machineDescription()}`);
  ensureProductionBuild(ROOT, DATABASE_URL);
  prepareDatabase(ROOT, DATABASE_URL);
  const outcomes = [await runShapes("SQLite", DATABASE_URL), await runOnPostgres()];
  printTable(outcomes.flatMap((outcome) => outcome.rows));
  process.exit(outcomes.some((outcome) => outcome.failed) ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
