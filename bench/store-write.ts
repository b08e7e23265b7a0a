// Write throughput of the SQLite span store (lib/store/sqlite) at a realistic table
// size, next to plain better-sqlite3 inserts of the same rows into a copy of the same
// database. Not a test: it prints figures and exits 0.
//
//   node scripts/bundle.mjs && npx tsx bench/store-write.ts   (the store starts its writer thread from dist/)
//
// Every measurement starts from a copy of one database already holding
// BENCH_PREFILL_SPANS spans (random keys make inserts slower as the primary-key index
// grows, so an empty table flatters every figure) and writes BENCH_SPANS new spans,
// BENCH_BATCH per transaction. Store and raw runs alternate for BENCH_ROUNDS rounds so
// drift of a shared machine hits both alike; the medians are reported, and the ratio
// is the median of each round's own store/raw.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { SpanRecord } from "@/lib/domain/span-record";
import { openSqliteSpanStore } from "@/lib/store/sqlite/sqlite-span-store";
import { SPANS } from "@/lib/store/table-writes";
import { readMigrations } from "@/scripts/lib/migration-files.mjs";
import { machineDescription } from "./lib/report.mjs";
import { rawInsertRate } from "./lib/raw-sqlite-insert";
import { realisticSpans } from "./lib/realistic-spans";

const PREFILL_SPANS = Number(process.env.BENCH_PREFILL_SPANS ?? 1_000_000);
const SPANS_PER_ROUND = Number(process.env.BENCH_SPANS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Prefill is generated in chunks so a million spans never sit in memory at once. */
const PREFILL_CHUNK = 50_000;
const T0 = 1_700_000_000_000_000_000n;
const NS_PER_HOUR = 3_600_000_000_000n;

async function storeWriteRate(filename: string, spans: readonly SpanRecord[]): Promise<number> {
  const store = openSqliteSpanStore(filename);
  const started = performance.now();
  for (let offset = 0; offset < spans.length; offset += BATCH) await store.writeSpans(spans.slice(offset, offset + BATCH));
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return spans.length / seconds;
}

async function prefill(filename: string): Promise<void> {
  const db = new Database(filename);
  for (const migration of readMigrations(path.resolve("prisma/migrations"))) db.exec(migration.sql);
  db.close();
  for (let done = 0; done < PREFILL_SPANS; done += PREFILL_CHUNK) {
    await storeWriteRate(filename, realisticSpans(Math.min(PREFILL_CHUNK, PREFILL_SPANS - done), T0 + BigInt(done)));
  }
  const checkpoint = new Database(filename);
  checkpoint.pragma("wal_checkpoint(TRUNCATE)");
  checkpoint.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "traceboard-bench-"));
  try {
    const base = path.join(dir, "base.db");
    console.log(`prefilling ${PREFILL_SPANS} spans ...`);
    await prefill(base);
    const storeRates: number[] = [];
    const rawRates: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const spans = realisticSpans(SPANS_PER_ROUND, T0 + BigInt(round) * NS_PER_HOUR);
      const rows = spans.map((span) => SPANS.values(span));
      const [storeDb, rawDb] = ["store.db", "raw.db"].map((name) => path.join(dir, `${round}-${name}`));
      copyFileSync(base, storeDb);
      copyFileSync(base, rawDb);
      storeRates.push(await storeWriteRate(storeDb, spans));
      rawRates.push(rawInsertRate(rawDb, rows, BATCH));
      console.log(`round ${round}: store ${storeRates.at(-1)!.toFixed(0)} spans/s, raw ${rawRates.at(-1)!.toFixed(0)} rows/s, ratio ${(storeRates.at(-1)! / rawRates.at(-1)!).toFixed(2)}`);
      rmSync(storeDb);
      rmSync(rawDb);
    }
    const [store, raw] = [median(storeRates), median(rawRates)];
    // Paired per round: both runs of a round saw the same machine load.
    const ratio = median(storeRates.map((rate, index) => rate / rawRates[index]));
    console.log(`machine: ${machineDescription()}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
    console.log(`existing spans: ${PREFILL_SPANS}; per round ${SPANS_PER_ROUND} written, ${BATCH} per transaction; median of ${ROUNDS} rounds`);
    console.log(`span store writeSpans:    ${store.toFixed(0)} spans/s (duplicate check, trace/service/operation summaries, JSON serialization)`);
    console.log(`raw better-sqlite3 insert: ${raw.toFixed(0)} rows/s (ready values, spans table only)`);
    console.log(`ratio (median of the rounds' store/raw): ${ratio.toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
