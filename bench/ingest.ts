// Ingest throughput benchmark (`npm run bench:ingest`): end-to-end OTLP ingest into the
// production build over OTLP/HTTP JSON (the ratio's run), then OTLP/HTTP protobuf and
// OTLP/gRPC with the same bodies (bench/lib/ingest-transports.ts), one after the other on
// one server, against raw better-sqlite3 inserts of the same rows.
//
// End to end: `next start` (production build, rebuilt first when a source is newer)
// on 127.0.0.1 with a freshly migrated SQLite database. Bodies of 500 spans
// (bench/lib/otlp-bodies.ts) are made before timing; each request only patches in new
// trace ids and current times. After a correctness check (one body must raise
// GET /api/tracing/statistics total_spans by exactly 500) and a warm-up, BENCH_CLIENTS
// clients post bodies back to back over keep-alive connections for BENCH_SECONDS.
// Only spans in 2xx answers count; 503s are counted apart.
//
// Raw baseline, in the same run once the server has stopped: the bodies the server
// acknowledged, replayed in order (topped up with new ones to at least BENCH_RAW_MIN_ROWS),
// parsed and normalized untimed with the server's own normalizers, then inserted into a
// fresh database migrated the same way, with the store's ingest pragmas, one prepared
// INSERT and 1000-row transactions. The timed loop includes building each row's values
// as the store does (JSON text of attributes, events, links): "JSON inside", the
// figure the ratio uses. A second fresh database gets the same rows with the values
// prepared beforehand: "pure insert", for information.
//
// Finally (untimed) the database must hold exactly the acknowledged spans. A benchmark,
// not a test: it exits 0 whatever the ratio, 1 only when a correctness check or the
// set-up fails.
//
// BENCH_DATABASE=postgresql runs all of it on a throwaway PostgreSQL cluster instead
// (bench/lib/ingest-databases.ts): the raw baseline is then the store's own unnest
// INSERT without its conflict clause, in 1000-row transactions on 4 connections (the
// store's write pool).
//
// Environment: BENCH_DATABASE (sqlite), BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (3),
// BENCH_CLIENTS (8), BENCH_PORT (3203), BENCH_RAW_MIN_ROWS (200000), BENCH_CPU_PROF (a
// directory: run the server with --cpu-prof writing there).
import http from "node:http";
import { readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setImmediate as yieldToEvents, setTimeout as sleep } from "node:timers/promises";
import { normalizeOtlpJson, parseJsonExact } from "@/lib/collector/normalize";
import type { SpanRecord } from "@/lib/domain/span-record";
import { INGEST_PRAGMAS } from "@/lib/store/sqlite/ingest-connection";
import { freePortSync } from "../scripts/lib/free-port.mjs";
import { acceptedSpans, post, quantile, runIngestLoad, type LoadTotals } from "./lib/ingest-load";
import { otlpGrpc, otlpHttpJson, otlpHttpProtobuf, type IngestTransport } from "./lib/ingest-transports";
import { OtlpBodySource, type BodyRecipe } from "./lib/otlp-bodies";
import { engineFromEnv, openIngestDatabases, type IngestDatabases } from "./lib/ingest-databases";
import { rowBytes, spanRows } from "./lib/raw-span-inserter";
import { machineDescription } from "./lib/report.mjs";
import {
  ensureProductionBuild,
  serverUrl,
  startServer,
  stopServer,
  stopServersOnExit,
  type ServerHandle,
} from "./lib/servers.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The database `next build` sees; the build reads none. */
const BUILD_DATABASE_URL = "file:./data/bench-ingest.db";
const SPANS_PER_BODY = 500;
const TEMPLATES = 64;
const TRANSACTION_ROWS = 1000;
/** Bodies normalized at a time for the raw runs (untimed), so a million records never sit in memory. */
const RAW_CHUNK_BODIES = 20;
const TARGET_RATIO = 0.5;
const NOISY_LOAD = 1.5;
const SELF_SERVICE = "traceboard";
/** Statistics requests carry an unsampled traceparent, so the server records no span of its own for them. */
const UNSAMPLED = { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00" };

const DEFAULTS = {
  BENCH_SECONDS: 20,
  BENCH_WARMUP_SECONDS: 3,
  BENCH_CLIENTS: 8,
  BENCH_PORT: 3203,
  BENCH_RAW_MIN_ROWS: 200_000,
} as const;

class CorrectnessError extends Error {}

function intFromEnv(name: keyof typeof DEFAULTS, minimum = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return DEFAULTS[name];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be an integer >= ${minimum} (got "${raw}")`);
  return value;
}

function readOptions() {
  const cpuProfileDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
  return {
    seconds: intFromEnv("BENCH_SECONDS"),
    warmupSeconds: intFromEnv("BENCH_WARMUP_SECONDS", 0),
    clients: intFromEnv("BENCH_CLIENTS"),
    port: intFromEnv("BENCH_PORT"),
    rawMinRows: intFromEnv("BENCH_RAW_MIN_ROWS"),
    engine: engineFromEnv(),
    cpuProfileDir,
  };
}
type Options = ReturnType<typeof readOptions>;

interface Statistics {
  total_spans: number;
  ingest: { accepted: number; refused: number; batches: number; duplicates: number; rejected: number; queue_depth: number };
}

async function statistics(port: number): Promise<Statistics> {
  const url = serverUrl(port, "/api/tracing/statistics");
  const response = await fetch(url, { headers: UNSAMPLED, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (response.status !== 200) throw new CorrectnessError(`${url} answered ${response.status}: ${text.slice(0, 200)}`);
  const body = JSON.parse(text) as Statistics;
  if (typeof body.total_spans !== "number") throw new CorrectnessError(`${url}: no total_spans in ${text.slice(0, 200)}`);
  return body;
}

/** CPU seconds (user + system) used so far by every process in `pgid`'s group (Linux /proc; null elsewhere). */
function groupCpuSeconds(pgid: number): number | null {
  try {
    const ticksPerSecond = 100; // USER_HZ on Linux
    let ticks = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the name: state(0) ppid(1) pgrp(2) ... utime(11) stime(12).
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Busy and total CPU ticks of the whole machine so far (first line of /proc/stat; null elsewhere). */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal ...; guest time is already in user.
    const ticks = fields.slice(0, 8).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    return { busy: total - ticks[3] - ticks[4], total };
  } catch {
    return null;
  }
}

function clientCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Where the run's spans went: every acknowledged body, in order, to replay for the raw baseline. */
class Acknowledged {
  readonly recipes: BodyRecipe[] = [];
  spans = 0;
  add(recipe: BodyRecipe, spans: number) {
    this.recipes.push(recipe);
    this.spans += spans;
  }
}

async function checkOneBody(port: number, agent: http.Agent, source: OtlpBodySource, acknowledged: Acknowledged): Promise<void> {
  const before = await statistics(port);
  const recipe = source.recipe();
  const answer = await post(agent, new URL(serverUrl(port, "/v1/traces")), source.body(recipe));
  if (answer.status !== 200) throw new CorrectnessError(`POST /v1/traces answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const { accepted, rejected } = acceptedSpans(SPANS_PER_BODY, answer.body);
  if (rejected > 0) throw new CorrectnessError(`the server rejected ${rejected} of ${SPANS_PER_BODY} spans: ${answer.body.slice(0, 300)}`);
  acknowledged.add(recipe, accepted);
  const after = await statistics(port);
  const grown = after.total_spans - before.total_spans;
  if (grown !== SPANS_PER_BODY) {
    throw new CorrectnessError(`total_spans grew by ${grown} after one acknowledged body of ${SPANS_PER_BODY} spans`);
  }
  console.log(`Correctness: one body of ${SPANS_PER_BODY} spans answered 200 {} and total_spans grew by exactly ${grown}.`);
}

interface EndToEnd {
  transport: IngestTransport;
  totals: LoadTotals;
  serverCpuCores: number | null;
  clientCpuCores: number;
  /** Every process on the machine, cores busy on average (includes the server and this client). */
  machineBusyCores: number | null;
  commits: number;
  committedSpans: number;
}

interface DiskUse {
  /** Largest WAL file seen during the timed runs (sampled every WAL_SAMPLE_MS). */
  walHighWaterBytes: number;
  /** The WAL file once the server has been idle for IDLE_WAL_WAIT_MS. */
  walIdleBytes: number;
  databaseBytes: number;
}

const WAL_SAMPLE_MS = 100;
/** Long enough for two checkpoint passes and the truncation of an idle writer's WAL. */
const IDLE_WAL_WAIT_MS = 3_000;

function fileBytes(filename: string): number {
  try {
    return statSync(filename).size;
  } catch {
    return 0;
  }
}

/** Warm-up, then `options.seconds` timed, of one transport against the running server. */
async function timedRun(options: Options, server: ServerHandle, transport: IngestTransport, source: OtlpBodySource, acknowledged: Acknowledged): Promise<EndToEnd> {
  const load = (seconds: number) =>
    runIngestLoad<BodyRecipe>({
      send: (recipe, client) => transport.send(recipe, client),
      clients: options.clients,
      seconds,
      nextRecipe: () => source.recipe(),
      spansIn: (recipe) => source.spansIn(recipe),
      onAcknowledged: (recipe, spans) => acknowledged.add(recipe, spans),
    });
  if (options.warmupSeconds > 0) {
    console.log(`${transport.label}: warm-up ${options.warmupSeconds} s ...`);
    const warm = await load(options.warmupSeconds);
    console.log(`  ${(warm.acknowledgedSpans / warm.seconds).toFixed(0)} spans/s during warm-up`);
  }
  console.log(`${transport.label}: timed run ${options.seconds} s, ${options.clients} clients ...`);
  const statsBefore = await statistics(options.port);
  const serverCpuBefore = groupCpuSeconds(server.child.pid!);
  const clientCpuBefore = clientCpuSeconds();
  const machineBefore = machineTicks();
  const totals = await load(options.seconds);
  const machineAfter = machineTicks();
  const serverCpuAfter = groupCpuSeconds(server.child.pid!);
  const clientCpu = clientCpuSeconds() - clientCpuBefore;
  const statsAfter = await statistics(options.port);
  return {
    transport,
    totals,
    serverCpuCores: serverCpuBefore === null || serverCpuAfter === null ? null : (serverCpuAfter - serverCpuBefore) / totals.seconds,
    clientCpuCores: clientCpu / totals.seconds,
    machineBusyCores:
      machineBefore && machineAfter
        ? ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * os.cpus().length
        : null,
    commits: statsAfter.ingest.batches - statsBefore.ingest.batches,
    committedSpans: statsAfter.ingest.accepted - statsBefore.ingest.accepted,
  };
}

/** The largest WAL seen while `work` runs (sampled every WAL_SAMPLE_MS), with what `work` returned. */
async function sampleWal<T>(databases: IngestDatabases, work: () => Promise<T>): Promise<{ result: T; walHighWaterBytes: number }> {
  const walFile = databases.serverFile && `${databases.serverFile}-wal`;
  let walHighWaterBytes = 0;
  const sampler = setInterval(() => (walHighWaterBytes = walFile ? Math.max(walHighWaterBytes, fileBytes(walFile)) : 0), WAL_SAMPLE_MS);
  try {
    return { result: await work(), walHighWaterBytes };
  } finally {
    clearInterval(sampler);
  }
}

async function idleDiskUse(databases: IngestDatabases, walHighWaterBytes: number): Promise<DiskUse> {
  await sleep(IDLE_WAL_WAIT_MS);
  const walIdleBytes = databases.serverFile ? fileBytes(`${databases.serverFile}-wal`) : 0;
  return { walHighWaterBytes, walIdleBytes, databaseBytes: await databases.serverBytes() };
}

interface Stored {
  apiTotal: number;
  databaseTotal: number;
  selfSpans: number;
}

interface RawRun {
  rows: number;
  jsonInside: number;
  pureInsert: number;
  meanRowBytes: number;
  replayedBodies: number;
  newBodies: number;
}

/** Bodies to insert raw: the acknowledged ones in order, then new ones; normalized untimed, RAW_CHUNK_BODIES at a time. */
async function* rawChunks(source: OtlpBodySource, acknowledged: Acknowledged, rows: number): AsyncGenerator<SpanRecord[]> {
  let produced = 0;
  let next = 0;
  while (produced < rows) {
    const chunk: SpanRecord[] = [];
    for (let b = 0; b < RAW_CHUNK_BODIES && produced + chunk.length < rows; b++) {
      const recipe = next < acknowledged.recipes.length ? acknowledged.recipes[next] : source.recipe();
      next += 1;
      const batch = normalizeOtlpJson(parseJsonExact(source.body(recipe).toString("utf8")));
      if (batch.rejected > 0) throw new Error(`raw baseline: the normalizer rejected ${batch.rejected} spans: ${batch.errors.join("; ")}`);
      chunk.push(...batch.spans);
    }
    const take = chunk.slice(0, rows - produced);
    produced += take.length;
    yield take;
    await yieldToEvents(); // lets SIGINT through between chunks
  }
}

async function rawBaseline(databases: IngestDatabases, source: OtlpBodySource, acknowledged: Acknowledged, rows: number): Promise<RawRun> {
  const jsonInside = await databases.openRaw("jsonInside", TRANSACTION_ROWS);
  const pure = await databases.openRaw("pure", TRANSACTION_ROWS);
  let bytes = 0;
  try {
    for await (const spans of rawChunks(source, acknowledged, rows)) {
      await jsonInside.writeRecords(spans); // first, so no value is cached for it beforehand
      for (const row of spanRows(spans)) bytes += rowBytes(row);
      await pure.writePrepared(spans);
    }
    const bodies = Math.ceil(rows / SPANS_PER_BODY);
    for (const inserter of [jsonInside, pure]) {
      const count = await inserter.countRows();
      if (count !== rows) throw new Error(`raw baseline: ${count} rows in the table, ${rows} inserted`);
    }
    return {
      rows,
      jsonInside: jsonInside.rate(),
      pureInsert: pure.rate(),
      meanRowBytes: bytes / rows,
      replayedBodies: Math.min(acknowledged.recipes.length, bodies),
      newBodies: Math.max(0, bodies - acknowledged.recipes.length),
    };
  } finally {
    await jsonInside.close();
    await pure.close();
  }
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

function printReport(
  options: Options,
  databases: IngestDatabases,
  source: OtlpBodySource,
  runs: readonly EndToEnd[],
  disk: DiskUse,
  stored: Stored,
  acknowledged: Acknowledged,
  raw: RawRun,
) {
  const [headline] = runs;
  const spansPerSecond = headline.totals.acknowledgedSpans / headline.totals.seconds;
  console.log("");
  console.log(`Machine: ${machineDescription()}`);
  console.log(`Database: ${databases.engine} (BENCH_DATABASE)`);
  console.log(
    `Workload: ${SPANS_PER_BODY} spans per body (OTLP/JSON ${fixed(source.meanBodyBytes() / 1024)} KiB, the same as protobuf ${fixed(source.meanProtobufBytes() / 1024)} KiB), ` +
      `${options.clients} clients back to back (keep-alive HTTP/1.1, or a gRPC channel each), per transport ${options.seconds} s timed after ${options.warmupSeconds} s warm-up, ` +
      `in the order of the table on one server and database; stored rows ${fixed(raw.meanRowBytes)} bytes on average.`,
  );
  console.log(
    `Raw: ${raw.rows} rows = ${raw.replayedBodies} bodies the server acknowledged, replayed in order` +
      `${raw.newBodies > 0 ? ` + ${raw.newBodies} new bodies` : ""}, parsed and normalized untimed; ` +
      `${databases.rawDescription}, ${TRANSACTION_ROWS}-row transactions, fresh migrated database.`,
  );
  console.log("");
  printTable(
    ["measurement", "rows", "seconds", "rows/s", "req/s", "p50/p99 ms", "server cores"],
    [
      ...runs.map(({ transport, totals, serverCpuCores }) => [
        `end-to-end ${transport.label} (2xx spans only)`,
        String(totals.acknowledgedSpans),
        fixed(totals.seconds, 1),
        fixed(totals.acknowledgedSpans / totals.seconds),
        fixed(totals.acknowledgedRequests / totals.seconds, 1),
        `${fixed(quantile(totals.latenciesMs, 0.5))} / ${fixed(quantile(totals.latenciesMs, 0.99))}`,
        serverCpuCores === null ? "n/a" : fixed(serverCpuCores, 2),
      ]),
      [`${databases.rawLabel}, JSON serialization inside timing`, String(raw.rows), fixed(raw.rows / raw.jsonInside, 1), fixed(raw.jsonInside), "-", "-", "-"],
      [`${databases.rawLabel}, pure insert (values prepared)`, String(raw.rows), fixed(raw.rows / raw.pureInsert, 1), fixed(raw.pureInsert), "-", "-", "-"],
    ],
  );
  console.log("");
  for (const { transport, totals, commits, committedSpans, serverCpuCores, clientCpuCores, machineBusyCores } of runs) {
    console.log(
      `${transport.label}: ${totals.acknowledgedRequests} acknowledged, ${totals.refused503Requests} refused for now (${totals.refused503Spans} spans), ` +
        `${totals.failedRequests} other failures, ${totals.rejectedSpans} spans rejected as invalid; ` +
        `${commits} commits, ${fixed(committedSpans / Math.max(1, commits))} spans per commit (group commit); ` +
        `CPU: server ${serverCpuCores === null ? "n/a" : fixed(serverCpuCores, 2)} cores, bench client ${fixed(clientCpuCores, 2)}, ` +
        `other processes ${machineBusyCores === null || serverCpuCores === null ? "n/a" : fixed(Math.max(0, machineBusyCores - serverCpuCores - clientCpuCores), 2)}, ` +
        `of ${os.cpus().length}.`,
    );
    for (const sample of totals.failureSamples) console.warn(`WARNING: failed request: ${sample}`);
  }
  console.log(
    `Stored: ${stored.databaseTotal} spans in the database (${stored.selfSpans} self-tracing), ${stored.apiTotal} per the API; ` +
      `${acknowledged.spans} acknowledged (check, warm-ups and timed runs): nothing acknowledged lost.`,
  );
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const wal =
    databases.engine === "sqlite"
      ? `; WAL at most ${mb(disk.walHighWaterBytes)} during the runs, ${mb(disk.walIdleBytes)} after ${IDLE_WAL_WAIT_MS / 1000} s idle ` +
        `(TRACEBOARD_SQLITE_WAL_LIMIT_BYTES ${process.env.TRACEBOARD_SQLITE_WAL_LIMIT_BYTES ?? "default, 64 MiB"})`
      : "";
  console.log(`Disk: database ${mb(disk.databaseBytes)} (${fixed(disk.databaseBytes / stored.databaseTotal)} bytes per span)${wal}.`);
  const ratio = spansPerSecond / raw.jsonInside;
  console.log(`ratio: ${ratio.toFixed(2)} (end-to-end ${headline.transport.label} / raw), target >= ${TARGET_RATIO.toFixed(2)}`);
}

function printLoad(loadAtStart: number[]): void {
  console.log(`Machine: ${machineDescription()}`);
  console.log(`Load average at start: ${loadAtStart.map((load) => load.toFixed(2)).join(" ")} (1, 5, 15 min)`);
  if (loadAtStart[0] > NOISY_LOAD) {
    console.warn(`WARNING: 1-minute load average ${loadAtStart[0].toFixed(2)} > ${NOISY_LOAD}: other work is using the CPUs, figures are noisy.`);
  }
}

async function main(): Promise<void> {
  stopServersOnExit();
  const loadAtStart = os.loadavg();
  printLoad(loadAtStart);
  const options = readOptions();
  ensureProductionBuild(ROOT, BUILD_DATABASE_URL);
  // The databases (about 1 GB at the default duration, or a PostgreSQL cluster) go whichever way the run ends.
  const databases = await openIngestDatabases(options.engine, ROOT, INGEST_PRAGMAS);
  process.on("exit", () => databases.close());

  console.log(`Making ${TEMPLATES} template bodies of ${SPANS_PER_BODY} spans ...`);
  const source = new OtlpBodySource(SPANS_PER_BODY, TEMPLATES);
  const acknowledged = new Acknowledged();
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const grpcPort = freePortSync();
  const url = new URL(serverUrl(options.port, "/v1/traces"));
  // OTLP/HTTP JSON first: the ratio's run, on the emptiest tables.
  const transports = [
    otlpHttpJson(source, url, options.clients),
    otlpHttpProtobuf(source, url, options.clients),
    otlpGrpc(source, `127.0.0.1:${grpcPort}`, options.clients),
  ];
  let server: ServerHandle | undefined;
  try {
    server = await startServer({
      root: ROOT,
      name: "ingest",
      port: options.port,
      env: {
        DATABASE_URL: databases.serverUrl,
        // The server itself never seeds (only `npm start` does); no token, default queue sizes.
        TRACEBOARD_DEMO: undefined,
        TRACEBOARD_INGEST_TOKEN: undefined,
        TRACEBOARD_QUEUE_MAX_SPANS: undefined,
        TRACEBOARD_BATCH_MAX_SPANS: undefined,
        TRACEBOARD_OTLP_GRPC_PORT: String(grpcPort),
        TRACEBOARD_OTLP_GRPC_HOST: "127.0.0.1",
      },
      nodeArgs: options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [],
    });
    await checkOneBody(options.port, agent, source, acknowledged);
    const { result: runs, walHighWaterBytes } = await sampleWal(databases, async () => {
      const done: EndToEnd[] = [];
      for (const transport of transports) done.push(await timedRun(options, server!, transport, source, acknowledged));
      return done;
    });
    const disk = await idleDiskUse(databases, walHighWaterBytes);
    const apiTotal = (await statistics(options.port)).total_spans;
    await stopServer(server);
    if (options.cpuProfileDir) console.log(`Server CPU profile written to ${options.cpuProfileDir}`);
    const inFile = await databases.countServerSpans(SELF_SERVICE);
    const stored: Stored = { apiTotal, databaseTotal: inFile.total, selfSpans: inFile.self };
    const userSpans = inFile.total - inFile.self;
    // A request that failed after its commit (socket error, timeout) may have stored spans nobody acknowledged.
    const lost = runs.some((run) => run.totals.failedRequests > 0) ? userSpans < acknowledged.spans : userSpans !== acknowledged.spans;
    if (lost) {
      throw new CorrectnessError(`the database holds ${userSpans} ingested spans, but ${acknowledged.spans} were acknowledged`);
    }

    const rawRows = Math.max(inFile.total, options.rawMinRows);
    console.log(`Raw ${options.engine} baseline: ${rawRows} rows ...`);
    const raw = await rawBaseline(databases, source, acknowledged, rawRows);
    printReport(options, databases, source, runs, disk, stored, acknowledged, raw);
    if (loadAtStart[0] > NOISY_LOAD) console.warn(`WARNING: load average at start was ${loadAtStart[0].toFixed(2)}: figures are noisy.`);
  } finally {
    agent.destroy();
    for (const transport of transports) transport.close();
    if (server) await stopServer(server);
    databases.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof CorrectnessError) {
    console.error(`\nCorrectness check failed: ${error.message}`);
  } else {
    console.error(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  }
  process.exitCode = 1;
});
