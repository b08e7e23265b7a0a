#!/usr/bin/env node
// Trace-propagation overhead benchmark (`npm run bench:propagation`).
//
// What is compared: the same production build served twice by `next start` on
// loopback, once with tracing (port 3201) and once with TRACEBOARD_TRACING=0 (port
// 3202), which turns the API route-handler wrapper (lib/tracing/with-tracing.ts) into
// a pass-through. Same code, same build, a runtime switch: the difference in req/s on
// the trivial route GET /api/tracing/context is the whole cost of tracing a request:
// continuing or starting a W3C trace, stamping `traceparent` + `X-Trace-ID` on the
// request and response, recording the server span and storing it (self-span exporter
// -> ingest queue -> SQLite writer thread).
//
// Scenarios, each with the target traced/untraced >= 0.90 and its own verdict:
// - no incoming trace headers: every request starts a new trace;
// - an incoming sampled `traceparent`, the common case between services: the trace is
//   continued. Each request carries a fresh trace-id and parent span-id, as requests
//   from different callers do (one fixed header would pile every span into one trace).
// Both scenarios do the same work: the traced server runs with TRACE_SAMPLE_RATIO=1
// (set here, whatever the shell says), so a new trace is always sampled, just as an
// incoming sampled flag is always honoured; every traced request records and stores
// one span. The "spans stored/req" column checks this from the database after each
// scenario (about 1.00 in both; it would be lower if sampling dropped spans).
// The page /traces is traced by middleware.ts whatever TRACEBOARD_TRACING says, so
// there is no untraced baseline for pages: its req/s is reported for information only.
// The headline `ratio:` is the lower of the two API scenarios.
//
// Method: before timing, check that the traced server really propagates and the
// baseline really does not, and warm both up with both kinds of request until the
// traced server stores spans (its writer thread starts on the first one and compiles
// for seconds; the first scenario must not pay for that alone). Then per scenario warm
// up again, alternate rounds A/B/A/B... and take the median per server. The load generator runs in this process and competes with the
// server for the CPUs (2 on the reference machine); alternating rounds spreads drift
// evenly, and the load average is printed with every round, since other work on the
// machine moves the figures. Each server's CPU time per request (all its threads, from
// /proc) is printed beside req/s: it moves far less with other load, and the traced
// server's extra CPU per request is the cost of tracing whatever the machine does. A benchmark, not a test: exits 0 whatever the ratio, 1
// only if a correctness check or the setup fails.
//
// Environment: BENCH_SECONDS (8), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50),
// BENCH_WARMUP_SECONDS (3).
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { CorrectnessError, verifyTracedApi, verifyTracedPage, verifyUntracedApi } from "./lib/checks.mjs";
import { measureAlternating, runLoad } from "./lib/load.mjs";
import { loadDescription, machineDescription, printTable, ratio, verdict, warnAboutFailures } from "./lib/report.mjs";
import {
  databaseFilename,
  ensureProductionBuild,
  prepareDatabase,
  serverUrl,
  startServer,
  stopAllServersSync,
  stopServer,
} from "./lib/servers.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DATABASE_URL = "file:./data/bench.db";
const TRACED_PORT = 3201;
const UNTRACED_PORT = 3202;
const API_PATH = "/api/tracing/context";
const PAGE_PATH = "/traces";
/** A valid sampled traceparent for the correctness checks. */
const INCOMING_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
const TARGET_RATIO = 0.9;
/** The name of the server span GET /api/tracing/context records (lib/tracing/server-span.ts). */
const API_SPAN_NAME = `GET ${API_PATH}`;
/** Longer than the self-span exporter's flush interval (1 s), so the last spans are stored before counting. */
const STORE_SETTLE_MS = 2_500;
const STORE_START_TIMEOUT_MS = 60_000;

const DEFAULTS = { BENCH_SECONDS: 8, BENCH_ROUNDS: 3, BENCH_CONNECTIONS: 50, BENCH_WARMUP_SECONDS: 3 };

function positiveIntFromEnv(name) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return DEFAULTS[name];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

function readOptions() {
  return {
    seconds: positiveIntFromEnv("BENCH_SECONDS"),
    rounds: positiveIntFromEnv("BENCH_ROUNDS"),
    connections: positiveIntFromEnv("BENCH_CONNECTIONS"),
    warmupSeconds: positiveIntFromEnv("BENCH_WARMUP_SECONDS"),
  };
}

function installCleanup() {
  process.on("exit", stopAllServersSync);
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping servers`);
      process.exit(code); // runs the `exit` handler
    });
  }
}

/** Starts both servers one after the other, adding each to `servers` as soon as it runs. */
async function startServers(servers) {
  for (const [name, port, tracing] of [["traced", TRACED_PORT, "1"], ["untraced", UNTRACED_PORT, "0"]]) {
    // TRACE_SAMPLE_RATIO=1: a new trace is always sampled, like an incoming sampled one.
    const env = { DATABASE_URL, TRACEBOARD_TRACING: tracing, TRACE_SAMPLE_RATIO: "1" };
    servers.push(await startServer({ root: ROOT, name, port, env }));
  }
}

async function verify() {
  await verifyTracedApi(serverUrl(TRACED_PORT, API_PATH), INCOMING_TRACEPARENT);
  await verifyUntracedApi(serverUrl(UNTRACED_PORT, API_PATH), INCOMING_TRACEPARENT);
  await verifyTracedPage(serverUrl(TRACED_PORT, PAGE_PATH));
  console.log("Correctness: traced server propagates (traceparent + matching X-Trace-ID), untraced does not.");
}

/** A sampled traceparent from a caller of its own: a fresh trace-id and parent span-id. */
function freshTraceparent() {
  return { traceparent: `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-01` };
}

/** Server spans of the API route stored so far: continued traces (with a parent) or new ones. */
function countStoredApiSpans(continued) {
  const db = new Database(databaseFilename(ROOT, DATABASE_URL), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT count(*) FROM spans WHERE name = ? AND (parent_span_id IS NULL) = ?").pluck().get(API_SPAN_NAME, continued ? 0 : 1);
  } finally {
    db.close();
  }
}

async function apiScenario(scenario, { continued, perRequestHeaders }, servers, options) {
  console.log(`\n${scenario}`);
  const before = countStoredApiSpans(continued);
  const [traced, untraced] = await measureAlternating(
    [
      { label: "traced", url: serverUrl(TRACED_PORT, API_PATH), perRequestHeaders, pid: servers.traced.child.pid },
      { label: "untraced", url: serverUrl(UNTRACED_PORT, API_PATH), perRequestHeaders, pid: servers.untraced.child.pid },
    ],
    options,
  );
  await sleep(STORE_SETTLE_MS);
  const spansPerRequest = (countStoredApiSpans(continued) - before) / traced.requestsSent;
  return { scenario, traced, untraced, target: TARGET_RATIO, spansPerRequest };
}

async function pageScenario(scenario, servers, options) {
  console.log(`\n${scenario}`);
  const [traced] = await measureAlternating([{ label: "traced", url: serverUrl(TRACED_PORT, PAGE_PATH), pid: servers.traced.child.pid }], options);
  return { scenario, traced };
}

/**
 * Before any scenario is timed: load both servers with both kinds of request, then
 * wait until the traced server has stored spans. The traced server's first stored span
 * starts its SQLite writer thread, which compiles the store with tsx (seconds of CPU);
 * without this the first scenario would pay that one-off cost on the traced side only.
 */
async function warmUpBoth(options) {
  const loads = [{}, { perRequestHeaders: freshTraceparent }];
  for (const port of [TRACED_PORT, UNTRACED_PORT]) {
    for (const load of loads) await runLoad({ url: serverUrl(port, API_PATH), seconds: options.warmupSeconds, connections: options.connections, ...load });
  }
  const deadline = Date.now() + STORE_START_TIMEOUT_MS;
  while (countStoredApiSpans(false) + countStoredApiSpans(true) === 0) {
    if (Date.now() > deadline) throw new Error(`the traced server stored no span within ${STORE_START_TIMEOUT_MS / 1000} s of warm-up`);
    await sleep(250);
  }
  await sleep(STORE_SETTLE_MS);
  console.log(`Warm-up: both servers loaded with both kinds of request; the traced server stores spans.`);
}

/** servers: { traced, untraced } handles from startServer. */
async function runScenarios(servers, options) {
  return [
    await apiScenario(`GET ${API_PATH}, no trace headers (new trace)`, { continued: false }, servers, options),
    await apiScenario(
      `GET ${API_PATH}, incoming sampled traceparent (continued)`,
      { continued: true, perRequestHeaders: freshTraceparent },
      servers,
      options,
    ),
    await pageScenario(`GET ${PAGE_PATH} page via middleware (info only, no untraced baseline)`, servers, options),
  ];
}

function printReport(rows, options, loadAtStart) {
  console.log(`\nMachine: ${machineDescription()}`);
  console.log(`Load average (1/5/15 min): ${loadAtStart} at the start, ${loadDescription()} at the end`);
  console.log(
    `Load: autocannon, ${options.connections} connections, ${options.rounds} alternating rounds x ${options.seconds} s per server ` +
      `(after ${options.warmupSeconds} s warm-up); medians over rounds. Traced :${TRACED_PORT}, untraced (TRACEBOARD_TRACING=0) :${UNTRACED_PORT}.\n`,
  );
  printTable(rows);
  warnAboutFailures(rows);
  const compared = rows.filter((row) => row.untraced);
  const worst = compared.reduce((low, row) => (ratio(row.traced, row.untraced) < ratio(low.traced, low.untraced) ? row : low));
  console.log(`\nratio: ${ratio(worst.traced, worst.untraced).toFixed(2)} (the lower of the API scenarios: "${worst.scenario}")`);
  const missed = compared.filter((row) => verdict(row) !== "meets");
  console.log(
    `target: traced/untraced >= ${TARGET_RATIO.toFixed(2)} in every API scenario: ` +
      (missed.length === 0 ? "met" : `NOT met (${missed.map((row) => `"${row.scenario}"`).join(", ")})`),
  );
}

async function main() {
  installCleanup();
  const options = readOptions();
  prepareDatabase(ROOT, DATABASE_URL);
  ensureProductionBuild(ROOT, DATABASE_URL);
  const servers = [];
  try {
    await startServers(servers);
    await verify();
    await warmUpBoth(options);
    const loadAtStart = loadDescription();
    const [traced, untraced] = servers;
    const rows = await runScenarios({ traced, untraced }, options);
    printReport(rows, options, loadAtStart);
  } finally {
    await Promise.all(servers.map(stopServer));
  }
}

main().catch((error) => {
  if (error instanceof CorrectnessError) {
    console.error(`\nCorrectness check failed, not benchmarking: ${error.message}`);
  } else {
    console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : error}`);
  }
  process.exitCode = 1;
});
