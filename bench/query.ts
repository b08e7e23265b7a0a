// Query latency benchmark (`npm run bench:query`): p50/p95 over HTTP of the trace list,
// trace detail, metrics and dependencies routes of the production build, on a database
// of ~1.1 million spans (SQLite, or PostgreSQL with BENCH_DATABASE=postgresql: a
// throwaway cluster like the tests').
//
// Set-up (timed, not measured): a freshly migrated database gets BENCH_TRACES traces
// (default 50,000, 5-40 spans each across 7 services, HTTP/DB attributes, 3% errors,
// cross-service parents) starting over the last 24 hours, plus three traces of 5,000,
// 5,500 and 6,000 spans, written through the store's writeSpans in 5,000-span
// transactions (the roll-up change-counter triggers fire as in production), while the
// roll-up maintainer the app runs keeps the roll-ups fresh, as in production; the lag
// (from the end of the load until no bucket is stale) and the maintainer's share of the
// load time are printed. The database is settled (query-database.ts: PostgreSQL analyzes
// its tables, as autovacuum would soon after such a load). Then `next start` runs on it
// (the build is redone first when a source is newer than it): a restart, whose first
// metrics call must answer in < 1 s.
//
// Each scenario: one cold call (the first ever of that route on this server), BENCH_WARMUP
// more, then BENCH_REQUESTS sequential calls for p50/p95. Requests carry an unsampled
// traceparent, so the server stores no self-tracing spans while being measured. The trace
// detail row measures the compact view the trace page fetches (the full view beside it). The TraceQL
// rows (issue 13) search with `q`: a structural query, a regex, an OR of two rare
// attributes and a negation. A route that does not exist yet (a 404 that is not the API's
// JSON envelope) is reported as "route missing". A benchmark, not a test: it exits 0
// unless the set-up fails.
//
// Environment: BENCH_DATABASE (sqlite), BENCH_TRACES (50000), BENCH_REQUESTS (30), BENCH_WARMUP (3), BENCH_PORT (3207).
import { performance } from "node:perf_hooks";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import type { SpanRecord } from "@/lib/domain/span-record";
import { startRollupMaintainer } from "@/lib/store/rollups/rollup-maintainer";
import { ensureBundles } from "../scripts/lib/bundles.mjs";
import { engineFromEnv } from "./lib/ingest-databases";
import { measure, printResults, type Outcome, type Scenario } from "./lib/http-scenarios";
import { openQueryDatabase, type QueryDatabase } from "./lib/query-database";
import { realisticTrace } from "./lib/realistic-spans";
import { traceqlScenarios } from "./lib/traceql-scenarios";
import { positiveIntFromEnv } from "./lib/env-int";
import { machineDescription } from "./lib/report.mjs";
import { ensureProductionBuild, startServer, stopServer, stopServersOnExit } from "./lib/servers.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIG_TRACE_SIZES = [5_000, 5_500, 6_000];
const WRITE_BATCH = 5_000;
const NS_PER_MS = 1_000_000n;
const DAY_MS = 24 * 3_600_000;
const LIST_TARGET_MS = 50;
const ROLLUP_TARGET_MS = 300;
/** The first metrics call after a restart (issue 12): the roll-ups must be ready. */
const COLD_METRICS_TARGET_MS = 1_000;
/** Issue 12: a rare or absent attribute, alone or with a service, found through the attribute index. */
const TAG_SEARCH_TARGET_MS = 100;
const ATTRIBUTE_LIST_TARGET_MS = 50;
const options = {
  traces: positiveIntFromEnv("BENCH_TRACES", 50_000),
  requests: positiveIntFromEnv("BENCH_REQUESTS", 30),
  warmup: positiveIntFromEnv("BENCH_WARMUP", 3),
  port: positiveIntFromEnv("BENCH_PORT", 3207),
};

interface Loaded {
  spans: number;
  traces: number;
  bigTraceId: string;
  seconds: number;
  /** Seconds from the end of the load until no roll-up bucket was stale. */
  lagSeconds: number;
  /** The maintainer's time recomputing, as a share of the load's. */
  maintainerShare: number;
}

/** Polls until no roll-up bucket is stale; resolves to the seconds waited. */
async function waitUntilFresh(database: QueryDatabase): Promise<number> {
  const started = performance.now();
  while ((await database.staleBuckets()) > 0) await sleep(100);
  return (performance.now() - started) / 1000;
}

/**
 * Fills the database through the store, with the app's roll-up maintainer running;
 * trace starts are spread evenly over the last 24 hours.
 */
async function load(nowMs: number, database: QueryDatabase): Promise<Loaded> {
  const store = database.openStore();
  // PostgreSQL's day partitions for yesterday and today, as a server running through them would have made.
  await store.preparePartitions?.(BigInt(nowMs - DAY_MS) * NS_PER_MS, BigInt(nowMs) * NS_PER_MS);
  const maintainer = startRollupMaintainer(database.target);
  const started = performance.now();
  let pending: SpanRecord[] = [];
  let spans = 0;
  const flush = async () => {
    await store.writeSpans(pending);
    spans += pending.length;
    pending = [];
  };
  const startNs = (index: number, of: number) => BigInt(Math.round(nowMs - DAY_MS + ((index + 0.5) * (DAY_MS - 60_000)) / of)) * NS_PER_MS;
  const bigTraces = BIG_TRACE_SIZES.map((size, index) => realisticTrace(startNs(index + 1, BIG_TRACE_SIZES.length + 1), Math.random, size));
  for (let trace = 0; trace < options.traces; trace += 1) {
    pending.push(...realisticTrace(startNs(trace, options.traces)));
    if (pending.length >= WRITE_BATCH) await flush();
    if (trace % 10_000 === 9_999) console.log(`  ${trace + 1} traces, ${spans} spans, ${(spans / ((performance.now() - started) / 1000)).toFixed(0)} spans/s`);
  }
  for (const trace of bigTraces) pending.push(...trace);
  await flush();
  await store.close();
  const seconds = (performance.now() - started) / 1000;
  const lagSeconds = await waitUntilFresh(database);
  const { busyMs } = await maintainer.status();
  await maintainer.stop();
  await database.settle();
  const traces = options.traces + bigTraces.length;
  return { spans, traces, bigTraceId: bigTraces[0][0].traceId, seconds, lagSeconds, maintainerShare: busyMs / 1000 / seconds };
}

function scenarios(nowMs: number, bigTraceId: string): Scenario[] {
  const window = `start=${nowMs - DAY_MS}&end=${nowMs}`;
  return [
    { name: "trace list, no filter (24 h)", path: `/api/tracing/traces?${window}`, targetMs: LIST_TARGET_MS },
    { name: "trace list, service=checkout", path: `/api/tracing/traces?${window}&service=checkout`, targetMs: LIST_TARGET_MS },
    { name: "trace list, tag http.route=/api/checkout", path: `/api/tracing/traces?${window}&tags=${encodeURIComponent("http.route=/api/checkout")}`, targetMs: LIST_TARGET_MS },
    ...[
      ["rare url.path=/api/products/1657", "url.path=/api/products/1657"],
      ["rare client.address=10.0.23.64", "client.address=10.0.23.64"],
      ["absent key no.such.key=1", "no.such.key=1"],
    ].map(([label, tags]) => ({ name: `trace list, ${label}`, path: `/api/tracing/traces?${window}&tags=${encodeURIComponent(tags)}`, targetMs: TAG_SEARCH_TARGET_MS })),
    {
      name: "trace list, service=checkout + status 503 (none)",
      path: `/api/tracing/traces?${window}&service=checkout&tags=${encodeURIComponent("http.response.status_code=503")}`,
      targetMs: TAG_SEARCH_TARGET_MS,
    },
    ...traceqlScenarios(window, [
      { key: "url.path", value: "/api/products/1657" },
      { key: "client.address", value: "10.0.23.64" },
    ]),
    { name: "attribute keys (24 h)", path: `/api/tracing/attributes?${window}`, targetMs: ATTRIBUTE_LIST_TARGET_MS },
    { name: "attribute values, url.path (24 h)", path: `/api/tracing/attributes/url.path/values?${window}`, targetMs: ATTRIBUTE_LIST_TARGET_MS },
    { name: "attribute values, url.path prefix /api/products/16", path: `/api/tracing/attributes/url.path/values?${window}&prefix=${encodeURIComponent("/api/products/16")}`, targetMs: ATTRIBUTE_LIST_TARGET_MS },
    { name: "trace list, minDuration=300ms", path: `/api/tracing/traces?${window}&minDuration=300ms`, targetMs: LIST_TARGET_MS },
    // The trace page fetches the compact view (issue 15); the full view stays for API users and is shown beside it.
    { name: "trace detail, 5,000 spans (compact, as the page)", path: `/api/tracing/traces/${bigTraceId}?view=compact`, targetMs: LIST_TARGET_MS },
    { name: "trace detail, 5,000 spans (full view)", path: `/api/tracing/traces/${bigTraceId}`, targetMs: LIST_TARGET_MS },
    { name: "metrics, 24 h, step 5m", path: `/api/tracing/metrics?${window}&step=5m`, targetMs: ROLLUP_TARGET_MS, coldTargetMs: COLD_METRICS_TARGET_MS },
    { name: "metrics, 24 h, step 5m, service=checkout", path: `/api/tracing/metrics?${window}&step=5m&service=checkout`, targetMs: ROLLUP_TARGET_MS },
    { name: "dependencies, 24 h", path: `/api/tracing/dependencies?${window}`, targetMs: ROLLUP_TARGET_MS },
  ];
}

async function main(): Promise<void> {
  stopServersOnExit();
  const nowMs = Date.now();
  // The load runs the store's writer and roll-up threads from dist/.
  await ensureBundles();
  const database = await openQueryDatabase(engineFromEnv(), ROOT);
  console.log(`Loading ${options.traces} traces (+${BIG_TRACE_SIZES.length} big ones) over the last 24 h through writeSpans, roll-up maintainer running ...`);
  const loaded = await load(nowMs, database);
  console.log(`Loaded ${loaded.spans} spans in ${loaded.traces} traces in ${loaded.seconds.toFixed(0)} s (${(loaded.spans / loaded.seconds).toFixed(0)} spans/s)`);
  console.log(`Roll-ups fresh ${loaded.lagSeconds.toFixed(1)} s after the load ended; the maintainer recomputed for ${(loaded.maintainerShare * 100).toFixed(0)}% of the load time`);
  ensureProductionBuild(ROOT, database.url);
  // Retention must not delete the day of spans while we measure.
  const server = await startServer({ root: ROOT, name: "query", port: options.port, env: { DATABASE_URL: database.url, TRACEBOARD_RETENTION_HOURS: "720" } });
  const results: Array<{ scenario: Scenario; outcome: Outcome }> = [];
  try {
    for (const scenario of scenarios(nowMs, loaded.bigTraceId)) {
      const outcome = await measure(scenario, options);
      results.push({ scenario, outcome });
      console.log(`  ${scenario.name}: ${outcome.kind === "measured" ? `cold ${outcome.coldMs.toFixed(0)} ms, p95 ${outcome.p95.toFixed(1)} ms` : outcome.kind}`);
    }
  } finally {
    await stopServer(server);
  }
  console.log();
  console.log(`machine: ${machineDescription()}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  console.log(`data: ${loaded.spans} spans, ${loaded.traces} traces over 24 h in ${database.describe()}; ${options.requests} timed sequential requests per scenario after ${options.warmup} warm-up calls`);
  console.log(`roll-ups: fresh ${loaded.lagSeconds.toFixed(1)} s after the load (maintainer busy ${(loaded.maintainerShare * 100).toFixed(0)}% of the load time)`);
  console.log("cold = the first call of that route on a fresh server (a restart after the load): the maintainer kept the roll-ups fresh, so no read computes them");
  printResults(results);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
