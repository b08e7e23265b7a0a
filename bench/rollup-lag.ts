// Roll-up maintenance under steady ingest (`npm run bench:rollups`): how far the roll-ups
// lag behind the spans, and what share of a core the maintainer takes, at BENCH_RATE
// spans/s written through the store's writeSpans (as the collector does, a batch every
// 100 ms) with the app's roll-up maintainer running.
//
// The current 5-minute bucket is first filled with BENCH_PREFILL spans (default: five
// minutes at the rate), so each recompute of the live bucket costs what it costs at the
// end of a bucket, the worst case. Lag: after each batch the bucket's change counter is
// read; the batch is covered once the bucket's roll-up version reaches that counter.
// Then the writes stop, and the time until no bucket is stale is reported.
//
// Environment: BENCH_DATABASE (sqlite), BENCH_RATE (100), BENCH_SECONDS (60), BENCH_PREFILL (BENCH_RATE * 300).
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import pg from "pg";
import type { SpanRecord } from "@/lib/domain/span-record";
import { nowUnixNano } from "@/lib/domain/clock";
import { ROLLUP_BUCKET_NS, rollupBucketOf } from "@/lib/store/rollups/rollup-bucket";
import { startRollupMaintainer } from "@/lib/store/rollups/rollup-maintainer";
import { ensureBundles } from "../scripts/lib/bundles.mjs";
import { positiveIntFromEnv } from "./lib/env-int";
import { engineFromEnv } from "./lib/ingest-databases";
import { quantile } from "./lib/ingest-load";
import { openQueryDatabase } from "./lib/query-database";
import { realisticTrace } from "./lib/realistic-spans";
import { machineDescription } from "./lib/report.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BATCH_MS = 100;
const rate = positiveIntFromEnv("BENCH_RATE", 100);
const seconds = positiveIntFromEnv("BENCH_SECONDS", 60);
const prefill = positiveIntFromEnv("BENCH_PREFILL", rate * 300);

/** Spans of traces starting at `startNs()`, `count` of them (a trace's rest waits in `spare` for the next call). */
function spansAt(startNs: () => bigint, count: number, spare: SpanRecord[] = []): SpanRecord[] {
  while (spare.length < count) spare.push(...realisticTrace(startNs()));
  return spare.splice(0, count);
}

/** The bucket's change counter and roll-up version, read on a connection of the benchmark's own. */
type ReadBucket = (bucket: bigint) => Promise<{ changes: bigint; version: bigint }>;

async function bucketReader(url: string, filename: string | null): Promise<{ read: ReadBucket; close(): Promise<void> }> {
  const sql = (placeholder: string) =>
    `SELECT CAST(c.changes AS TEXT) AS changes, CAST(COALESCE(s.version, -1) AS TEXT) AS version FROM rollup_changes c
     LEFT JOIN rollup_states s ON s.bucket_start_ns = c.bucket_start_ns WHERE c.bucket_start_ns = ${placeholder}`;
  const parse = (row: { changes: string; version: string } | undefined) => ({ changes: BigInt(row?.changes ?? 0), version: BigInt(row?.version ?? -1) });
  if (filename) {
    const db = new Database(filename, { readonly: true });
    const statement = db.prepare(sql("?"));
    return { read: async (bucket) => parse(statement.get(bucket) as { changes: string; version: string }), close: async () => void db.close() };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { read: async (bucket) => parse((await client.query(sql("$1"), [bucket.toString()])).rows[0]), close: () => client.end() };
}

async function main(): Promise<void> {
  await ensureBundles();
  const database = await openQueryDatabase(engineFromEnv(), ROOT, "bench-rollups");
  const store = database.openStore();
  const bucket = rollupBucketOf(nowUnixNano());
  let prefillIndex = 0;
  const prefillSpans = spansAt(() => bucket + (BigInt((prefillIndex += 1)) * ROLLUP_BUCKET_NS) / BigInt(prefill), prefill);
  for (let start = 0; start < prefillSpans.length; start += 5_000) await store.writeSpans(prefillSpans.slice(start, start + 5_000));
  console.log(`${database.describe()}: ${prefillSpans.length} spans in the current bucket; now ${rate} spans/s for ${seconds} s`);

  const reader = await bucketReader(database.url, database.target.provider === "sqlite" ? database.target.filename : null);
  const maintainer = startRollupMaintainer(database.target);
  const waiting: Array<{ atMs: number; bucket: bigint; changes: bigint }> = [];
  const lags: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const perBatch = Math.max(1, Math.round((rate * BATCH_MS) / 1000));
  const spare: SpanRecord[] = [];
  for (let batch = 1; batch <= (seconds * 1000) / BATCH_MS; batch += 1) {
    const spans = spansAt(nowUnixNano, perBatch, spare);
    await store.writeSpans(spans);
    const written = rollupBucketOf(spans[0].startTimeNs);
    waiting.push({ atMs: performance.now(), bucket: written, ...(await reader.read(written)) });
    while (waiting.length > 0) {
      const { version } = await reader.read(waiting[0].bucket);
      if (version < waiting[0].changes) break;
      lags.push(performance.now() - waiting.shift()!.atMs);
    }
    await sleep(Math.max(0, started + batch * BATCH_MS - performance.now()));
  }
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const stopped = performance.now();
  while (waiting.length > 0) {
    const { version } = await reader.read(waiting[0].bucket);
    if (version >= waiting[0].changes) lags.push(performance.now() - waiting.shift()!.atMs);
    else await sleep(20);
  }
  const drainMs = performance.now() - stopped;
  const status = await maintainer.status();
  await maintainer.stop();
  await reader.close();
  await store.close();

  console.log(`machine: ${machineDescription()}`);
  console.log(`lag of a batch until its bucket's roll-up covers it: p50 ${quantile(lags, 0.5).toFixed(0)} ms, p95 ${quantile(lags, 0.95).toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms (${lags.length} batches)`);
  console.log(`after the writes stopped, every batch covered in ${drainMs.toFixed(0)} ms`);
  console.log(
    `maintainer: ${status.bucketsComputed} bucket recomputes, busy ${status.busyMs.toFixed(0)} ms = ${((status.busyMs / elapsedMs) * 100).toFixed(1)}% of one core` +
      ` (the whole process, writer thread included: ${(((cpu.user + cpu.system) / 1000 / elapsedMs) * 100).toFixed(1)}%)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
