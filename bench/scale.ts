// Scale benchmark (`npm run bench:scale`): a week of a real service's traffic. Loads
// BENCH_SCALE_SPANS spans (default 10 million) of realistic traces (bench:query's shapes,
// plus a rare order id and user id on each root span) with starts spread over the last
// 7 days, through the store's write path, on SQLite and on a throwaway PostgreSQL cluster
// (BENCH_DATABASE=sqlite|postgresql|both, default both). It measures first at a tenth of
// that size (BENCH_SCALE_SMALL, default 1 million), then loads the rest and measures
// again, so each row shows its growth from one size to the other.
//
// At each size: load rate, bytes per span on disk, then `next start` (a restart) and
// per scenario one cold call, BENCH_WARMUP more and BENCH_REQUESTS timed calls
// (p50/p95): searches by a rare value, an absent key and a service plus a rare value,
// TraceQL searches (issue 13: structural, regex, an OR of the rare order and user ids, a negation),
// the trace list, a 5,000-span trace, metrics (cold and warm), dependencies and the
// attribute key and value lists. Targets are issues 12 and 13's; the verdict is at the large size.
import { performance } from "node:perf_hooks";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import type { SpanRecord } from "@/lib/domain/span-record";
import { startRollupMaintainer } from "@/lib/store/rollups/rollup-maintainer";
import type { SpanStore } from "@/lib/store/span-store-contract";
import { ensureBundles } from "../scripts/lib/bundles.mjs";
import { positiveIntFromEnv } from "./lib/env-int";
import { measure, meets, printTable, targetText, type Outcome, type Scenario } from "./lib/http-scenarios";
import { realisticTrace } from "./lib/realistic-spans";
import { traceqlScenarios } from "./lib/traceql-scenarios";
import { openQueryDatabase, type QueryDatabase } from "./lib/query-database";
import { machineDescription } from "./lib/report.mjs";
import { ensureProductionBuild, startServer, stopServer, stopServersOnExit } from "./lib/servers.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NS_PER_MS = 1_000_000n;
const DAY_MS = 24 * 3_600_000;
const WEEK_MS = 7 * DAY_MS;
const WRITE_BATCH = 5_000;
const BIG_TRACE_SPANS = 5_000;
const BYTES_PER_SPAN_TARGET = 350;
const LOAD_TAIL_RATIO_TARGET = 0.8;

const options = {
  spans: positiveIntFromEnv("BENCH_SCALE_SPANS", 10_000_000),
  small: positiveIntFromEnv("BENCH_SCALE_SMALL", 1_000_000),
  requests: positiveIntFromEnv("BENCH_REQUESTS", 20),
  warmup: positiveIntFromEnv("BENCH_WARMUP", 2),
  port: positiveIntFromEnv("BENCH_PORT", 3209),
};

type Engine = "sqlite" | "postgresql";

function enginesFromEnv(): Engine[] {
  const raw = process.env.BENCH_DATABASE ?? "both";
  if (raw === "both") return ["sqlite", "postgresql"];
  if (raw === "sqlite" || raw === "postgresql") return [raw];
  throw new Error(`BENCH_DATABASE must be sqlite, postgresql or both (got "${raw}")`);
}

/**
 * A trace of the load, starting at `position` (0..1) of the week: each load walks the week
 * in time order, as traffic arrives (a second load walks it again, like late data). Each
 * root span carries a rare order id (one trace) and user id (about 20 traces at 10 M).
 */
function traceAt(index: number, nowMs: number, position: number, size?: number): SpanRecord[] {
  const startMs = nowMs - WEEK_MS + position * (WEEK_MS - 60_000);
  const spans = realisticTrace(BigInt(Math.round(startMs)) * NS_PER_MS, Math.random, size);
  spans[0] = { ...spans[0], attributes: { ...spans[0].attributes, "order.id": `ord-${index}`, "enduser.id": `user-${index % 500_000}` } };
  return spans;
}

interface Probe {
  orderId: string;
  userId: string;
  bigTraceId: string;
}

interface LoadRate {
  spans: number;
  seconds: number;
}

/** Writes traces until `target` spans are stored; the probe (a recent rare order, the big trace) comes from the first load. */
async function load(store: SpanStore, from: { spans: number; traces: number }, target: number, nowMs: number, probe: Probe | null) {
  let pending: SpanRecord[] = [];
  let spans = from.spans;
  let traces = from.traces;
  let found = probe;
  const chunks: LoadRate[] = [];
  const started = performance.now();
  let chunkStarted = started;
  let chunkSpans = 0;
  if (!found) {
    const big = traceAt(traces++, nowMs, 0.95, BIG_TRACE_SPANS);
    const recent = traceAt(traces++, nowMs, 0.95);
    const recentStart = BigInt(nowMs - DAY_MS / 2) * NS_PER_MS;
    recent.forEach((span, i) => (recent[i] = { ...span, startTimeNs: recentStart + BigInt(i), endTimeNs: recentStart + BigInt(i) + 5n * NS_PER_MS }));
    found = { bigTraceId: big[0].traceId, orderId: String(recent[0].attributes["order.id"]), userId: String(recent[0].attributes["enduser.id"]) };
    pending.push(...big, ...recent);
  }
  // Rates are kept per hundredth of the large size, so the first and last tenth of the whole load can be compared.
  const chunk = Math.max(1, Math.floor(options.spans / 100));
  const total = target - from.spans;
  while (spans + pending.length < target) {
    pending.push(...traceAt(traces++, nowMs, (spans + pending.length - from.spans) / total));
    if (pending.length < WRITE_BATCH) continue;
    await store.writeSpans(pending);
    spans += pending.length;
    chunkSpans += pending.length;
    pending = [];
    if (chunkSpans >= chunk) {
      const now = performance.now();
      chunks.push({ spans: chunkSpans, seconds: (now - chunkStarted) / 1000 });
      console.log(`  ${spans} spans, ${(chunkSpans / ((now - chunkStarted) / 1000)).toFixed(0)} spans/s over the last ${chunkSpans}`);
      chunkStarted = now;
      chunkSpans = 0;
    }
  }
  await store.writeSpans(pending);
  spans += pending.length;
  const seconds = (performance.now() - started) / 1000;
  return { spans, traces, probe: found, rate: (spans - from.spans) / seconds, chunks };
}

function scenarios(nowMs: number, probe: Probe): Scenario[] {
  const window = `start=${nowMs - DAY_MS}&end=${nowMs}`;
  const tags = (text: string) => `/api/tracing/traces?${window}&tags=${encodeURIComponent(text)}`;
  return [
    { name: "search: rare order.id (24 h)", path: tags(`order.id=${probe.orderId}`), targetMs: 100 },
    { name: "search: rare enduser.id (24 h)", path: tags(`enduser.id=${probe.userId}`), targetMs: 100 },
    { name: "search: absent key (24 h)", path: tags("no.such.key=1"), targetMs: 100 },
    { name: "search: service + rare order.id", path: `${tags(`order.id=${probe.orderId}`)}&service=web-frontend`, targetMs: 100 },
    ...traceqlScenarios(window, [
      { key: "order.id", value: probe.orderId },
      { key: "enduser.id", value: probe.userId },
    ]),
    { name: "trace list, no filter (24 h)", path: `/api/tracing/traces?${window}`, targetMs: 50 },
    // The trace page fetches the compact view (issue 15); the full view stays for API users and is shown beside it.
    { name: "trace detail, 5,000 spans (compact, as the page)", path: `/api/tracing/traces/${probe.bigTraceId}?view=compact`, targetMs: 50 },
    { name: "trace detail, 5,000 spans (full view)", path: `/api/tracing/traces/${probe.bigTraceId}`, targetMs: 50 },
    { name: "metrics 24 h (cold: first call after start)", path: `/api/tracing/metrics?${window}&step=5m`, targetMs: 300, coldTargetMs: 1_000 },
    { name: "metrics 24 h, service=checkout", path: `/api/tracing/metrics?${window}&step=5m&service=checkout`, targetMs: 300 },
    { name: "dependencies 24 h", path: `/api/tracing/dependencies?${window}`, targetMs: 300 },
    { name: "attribute keys (24 h)", path: `/api/tracing/attributes?${window}`, targetMs: 50 },
    { name: "attribute values, enduser.id prefix", path: `/api/tracing/attributes/enduser.id/values?${window}&prefix=user-12`, targetMs: 50 },
    { name: "attribute values, http.route", path: `/api/tracing/attributes/http.route/values?${window}`, targetMs: 50 },
  ];
}

async function measureAll(database: QueryDatabase, nowMs: number, probe: Probe): Promise<Map<string, Outcome>> {
  // Retention must not delete the week of spans while we measure.
  const server = await startServer({ root: ROOT, name: "scale", port: options.port, env: { DATABASE_URL: database.url, TRACEBOARD_RETENTION_HOURS: "720" } });
  const outcomes = new Map<string, Outcome>();
  try {
    for (const scenario of scenarios(nowMs, probe)) {
      const outcome = await measure(scenario, options);
      outcomes.set(scenario.name, outcome);
      console.log(`  ${scenario.name}: ${outcome.kind === "measured" ? `cold ${outcome.coldMs.toFixed(0)} ms, p95 ${outcome.p95.toFixed(1)} ms` : outcome.kind}`);
    }
  } finally {
    await stopServer(server);
  }
  return outcomes;
}

interface SizeResult {
  spans: number;
  rate: number;
  bytesPerSpan: number;
  outcomes: Map<string, Outcome>;
}

const cell = (outcome: Outcome | undefined, pick: (measured: Outcome & { kind: "measured" }) => number) =>
  outcome?.kind === "measured" ? pick(outcome).toFixed(1) : (outcome?.kind ?? "-");

function report(engine: Engine, small: SizeResult, large: SizeResult, tailRatio: number, nowMs: number, probe: Probe): void {
  const header = ["measure", `${small.spans} p50/p95`, `${large.spans} p50/p95`, "growth", "target", "verdict"];
  const timing = (outcome: Outcome | undefined, scenario: Scenario) =>
    `${scenario.coldTargetMs === undefined ? "" : `cold ${cell(outcome, (m) => m.coldMs)}, `}${cell(outcome, (m) => m.p50)} / ${cell(outcome, (m) => m.p95)}`;
  const rows = scenarios(nowMs, probe).map((scenario) => {
    const before = small.outcomes.get(scenario.name);
    const after = large.outcomes.get(scenario.name);
    const value = (outcome: Outcome | undefined) => (outcome?.kind === "measured" ? outcome.p95 : NaN);
    const growth = value(after) / value(before);
    const verdict = after?.kind === "measured" ? (meets(scenario, after) ? "meets" : "MISSES") : (after?.kind ?? "-");
    return [scenario.name, timing(before, scenario), timing(after, scenario), Number.isFinite(growth) ? `x${growth.toFixed(2)}` : "-", targetText(scenario), verdict];
  });
  rows.unshift(
    ["load spans/s", small.rate.toFixed(0), large.rate.toFixed(0), `x${(large.rate / small.rate).toFixed(2)}`, "-", "-"],
    ["bytes per span on disk", small.bytesPerSpan.toFixed(0), large.bytesPerSpan.toFixed(0), `x${(large.bytesPerSpan / small.bytesPerSpan).toFixed(2)}`, `< ${BYTES_PER_SPAN_TARGET}`, large.bytesPerSpan < BYTES_PER_SPAN_TARGET ? "meets" : "MISSES"],
  );
  if (engine === "postgresql") {
    rows.splice(1, 0, ["load rate, last tenth / first tenth", "-", tailRatio.toFixed(2), "-", `>= ${LOAD_TAIL_RATIO_TARGET}`, tailRatio >= LOAD_TAIL_RATIO_TARGET ? "meets" : "MISSES"]);
  }
  console.log(`\n${engine}:`);
  printTable(header, rows);
}

async function runEngine(engine: Engine, nowMs: number): Promise<void> {
  console.log(`\n== ${engine}: loading ${options.small} spans over the last 7 days through the store ...`);
  const database = await openQueryDatabase(engine, ROOT, "bench-scale");
  const sizes: SizeResult[] = [];
  let state = { spans: 0, traces: 0 };
  let probe: Probe | null = null;
  const rates: LoadRate[] = [];
  for (const target of [options.small, options.spans]) {
    if (sizes.length > 0) console.log(`\n== ${engine}: loading up to ${target} spans ...`);
    // The app's roll-up maintainer runs during the load, as it would while spans arrive.
    const maintainer = startRollupMaintainer(database.target);
    const store = database.openStore();
    // PostgreSQL's day partitions for the week, as a server running through it would have
    // made each ahead of its day (lib/collector/retention/prepare-partitions.ts).
    await store.preparePartitions?.(BigInt(nowMs - WEEK_MS) * NS_PER_MS, BigInt(nowMs + 2 * DAY_MS) * NS_PER_MS);
    const loaded = await load(store, state, target, nowMs, probe);
    await store.close();
    const lagStarted = performance.now();
    while ((await database.staleBuckets()) > 0) await sleep(200);
    console.log(`  roll-ups fresh ${((performance.now() - lagStarted) / 1000).toFixed(1)} s after the load`);
    await maintainer.stop();
    await database.settle();
    state = loaded;
    probe = loaded.probe;
    rates.push(...loaded.chunks);
    const bytesPerSpan = (await database.bytes()) / loaded.spans;
    console.log(`  ${loaded.spans} spans stored, ${loaded.rate.toFixed(0)} spans/s, ${bytesPerSpan.toFixed(0)} bytes per span; measuring after a restart ...`);
    sizes.push({ spans: loaded.spans, rate: loaded.rate, bytesPerSpan, outcomes: await measureAll(database, nowMs, probe) });
  }
  // Rates of the first and last tenth of the whole load: ten hundredths each (the loads put end to end).
  const rateOf = (part: LoadRate[]) => part.reduce((s, r) => s + r.spans, 0) / part.reduce((s, r) => s + r.seconds, 0);
  const first = rateOf(rates.slice(0, 10));
  const last = rateOf(rates.slice(-10));
  report(engine, sizes[0], sizes[1], last / first, nowMs, probe!);
}

async function main(): Promise<void> {
  stopServersOnExit();
  const started = performance.now();
  const nowMs = Date.now();
  // The load runs the store's writer and roll-up threads from dist/.
  await ensureBundles();
  ensureProductionBuild(ROOT, "file:./data/bench-scale.db");
  for (const engine of enginesFromEnv()) await runEngine(engine, nowMs);
  console.log(`\nmachine: ${machineDescription()}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  console.log(`${options.requests} timed sequential requests per scenario after ${options.warmup} warm-up calls; growth = large / small (p95)`);
  console.log(`whole run: ${((performance.now() - started) / 60_000).toFixed(1)} min (target < 45)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
