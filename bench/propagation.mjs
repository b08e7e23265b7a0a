#!/usr/bin/env node
// Trace-propagation overhead benchmark (`npm run bench:propagation`).
//
// What is compared: the same production build served twice by `next start` on
// loopback, once with tracing (port 3201) and once with TRACEBOARD_TRACING=0 (port
// 3202), which turns the API route-handler wrapper (lib/tracing/with-tracing.ts) into
// a pass-through. Same code, same build, a runtime switch: the difference in req/s on
// the trivial route GET /api/tracing/context is the cost of continuing/starting a W3C
// trace and stamping `traceparent` + `X-Trace-ID` on the response.
//
// Scenarios: no incoming trace headers (every request starts a trace; the common case,
// and the headline `ratio:`), and an incoming `traceparent` (the trace is continued).
// The page /traces is traced by middleware.ts whatever TRACEBOARD_TRACING says, so
// there is no untraced baseline for pages: its req/s is reported for information only.
//
// Method: before timing, check that the traced server really propagates and the
// baseline really does not. Warm both up, then alternate rounds A/B/A/B... and take the
// median per server. The load generator runs in this process and competes with the
// server for the CPUs (2 on the reference machine); alternating rounds spreads drift
// evenly. A benchmark, not a test: exits 0 whatever the ratio, 1 only if a
// correctness check or the setup fails.
//
// Environment: BENCH_SECONDS (8), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50),
// BENCH_WARMUP_SECONDS (3).
import { fileURLToPath } from "node:url";
import { CorrectnessError, verifyTracedApi, verifyTracedPage, verifyUntracedApi } from "./lib/checks.mjs";
import { measureAlternating } from "./lib/load.mjs";
import { machineDescription, printTable, ratio, warnAboutFailures } from "./lib/report.mjs";
import {
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
/** A valid sampled traceparent for the "continue an incoming trace" scenario. */
const INCOMING_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
const TARGET_RATIO = 0.9;

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
    servers.push(await startServer({ root: ROOT, name, port, env: { DATABASE_URL, TRACEBOARD_TRACING: tracing } }));
  }
}

async function verify() {
  await verifyTracedApi(serverUrl(TRACED_PORT, API_PATH), INCOMING_TRACEPARENT);
  await verifyUntracedApi(serverUrl(UNTRACED_PORT, API_PATH), INCOMING_TRACEPARENT);
  await verifyTracedPage(serverUrl(TRACED_PORT, PAGE_PATH));
  console.log("Correctness: traced server propagates (traceparent + matching X-Trace-ID), untraced does not.");
}

async function apiScenario(scenario, headers, options) {
  console.log(`\n${scenario}`);
  const [traced, untraced] = await measureAlternating(
    [
      { label: "traced", url: serverUrl(TRACED_PORT, API_PATH), headers },
      { label: "untraced", url: serverUrl(UNTRACED_PORT, API_PATH), headers },
    ],
    options,
  );
  return { scenario, traced, untraced };
}

async function pageScenario(scenario, options) {
  console.log(`\n${scenario}`);
  const [traced] = await measureAlternating([{ label: "traced", url: serverUrl(TRACED_PORT, PAGE_PATH) }], options);
  return { scenario, traced };
}

async function runScenarios(options) {
  return [
    await apiScenario(`GET ${API_PATH}, no trace headers (new trace)`, {}, options),
    await apiScenario(`GET ${API_PATH}, incoming traceparent`, { traceparent: INCOMING_TRACEPARENT }, options),
    await pageScenario(`GET ${PAGE_PATH} page via middleware (info only, no untraced baseline)`, options),
  ];
}

function printReport(rows, options) {
  console.log(`\nMachine: ${machineDescription()}`);
  console.log(
    `Load: autocannon, ${options.connections} connections, ${options.rounds} alternating rounds x ${options.seconds} s per server ` +
      `(after ${options.warmupSeconds} s warm-up); medians over rounds. Traced :${TRACED_PORT}, untraced (TRACEBOARD_TRACING=0) :${UNTRACED_PORT}.\n`,
  );
  printTable(rows);
  warnAboutFailures(rows);
  const [main] = rows;
  const mainRatio = ratio(main.traced, main.untraced);
  console.log(`\nratio: ${mainRatio.toFixed(2)}`);
  console.log(
    `target: traced/untraced >= ${TARGET_RATIO.toFixed(2)} on "${main.scenario}": ${mainRatio >= TARGET_RATIO ? "met" : "NOT met"}`,
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
    const rows = await runScenarios(options);
    printReport(rows, options);
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
