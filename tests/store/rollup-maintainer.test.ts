import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, expect, it } from "vitest";
import { nowUnixNano } from "@/lib/domain/clock";
import { SpanKind } from "@/lib/domain/span-record";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { ROLLUP_BUCKET_NS, rollupBucketOf } from "@/lib/store/rollups/rollup-bucket";
import type { RollupMaintainer } from "@/lib/store/rollups/rollup-maintainer";
import { describeOnEachDatabase } from "../api/support/each-database";
import { newTraceId, spanIdOf, type TestApp } from "../api/support/test-app";
import { expectCachedEqualsFresh } from "../api/query/support/rollup-comparison";
import { NS_PER_MINUTE, span, uniqueService, writeSpans } from "../api/query/support/seed-spans";

/**
 * The maintainer keeps roll-ups fresh with no read asking: after writes, late spans and
 * retention every bucket is fresh within FRESH_WITHIN_MS, and the roll-ups then equal a
 * live computation from the spans. Retention removes the roll-ups of the buckets it emptied. On PostgreSQL two maintainers on one database never
 * work at once.
 */
const FRESH_WITHIN_MS = 10_000;
const B = ROLLUP_BUCKET_NS;

/** Counts of rows of each roll-up table per bucket start, and the stale buckets, read straight from the database. */
async function rollupState(app: TestApp) {
  const db = app.modules.getDb();
  const count = async (table: string, before: bigint) =>
    Number((await db.$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT count(*) AS n FROM ${table} WHERE bucket_start_ns < ${before}`))[0].n);
  const stale = await db.$queryRawUnsafe<Array<{ bucket: string }>>(
    `SELECT CAST(c.bucket_start_ns AS TEXT) AS bucket FROM rollup_changes c LEFT JOIN rollup_states s ON s.bucket_start_ns = c.bucket_start_ns
     WHERE s.version IS NULL OR s.version <> c.changes`,
  );
  return { stale: stale.map((row) => BigInt(row.bucket)), count };
}

/** Resolves once no bucket is stale (without reading metrics); fails after FRESH_WITHIN_MS. */
async function waitUntilFresh(app: TestApp): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { stale } = await rollupState(app);
    const waited = performance.now() - started;
    if (stale.length === 0) return waited;
    if (waited > FRESH_WITHIN_MS) throw new Error(`still stale after ${FRESH_WITHIN_MS} ms: ${stale.join(", ")}`);
    await sleep(50);
  }
}

describeOnEachDatabase("roll-up maintainer", ({ provider, app }) => {
  const maintainers: RollupMaintainer[] = [];
  async function startMaintainer(): Promise<RollupMaintainer> {
    const { startRollupMaintainer } = await import("@/lib/store/rollups/rollup-maintainer");
    const maintainer = startRollupMaintainer(resolveDatabaseTarget(app.database.url));
    maintainers.push(maintainer);
    return maintainer;
  }
  afterEach(async () => {
    await Promise.all(maintainers.splice(0).map((maintainer) => maintainer.stop()));
  });

  // The last hour's buckets (the current one is still filling): recent data, as the maintainer sees in production.
  const hour = () => {
    const to = rollupBucketOf(nowUnixNano()) + B;
    return { from: to - 12n * B, to };
  };

  it("writes_late_spans_and_retention_become_fresh_without_a_read", async () => {
    await startMaintainer();
    const range = hour();
    const [front, back] = ["front", "back"].map(uniqueService);
    const at = (minute: number) => range.from + BigInt(minute) * NS_PER_MINUTE;
    const traceId = newTraceId();
    await writeSpans(app, [
      span({ traceId, spanId: spanIdOf(1), service: front, startNs: at(2), durationMs: 40 }),
      span({ traceId, spanId: spanIdOf(3), parentSpanId: spanIdOf(2), service: back, startNs: at(31), durationMs: 9, error: true }),
      ...Array.from({ length: 30 }, (_, i) => span({ service: back, name: "job", kind: SpanKind.CONSUMER, startNs: at(2 * i + 1), durationMs: i + 1 })),
    ]);
    await waitUntilFresh(app);
    const first = await expectCachedEqualsFresh(range, 5n * NS_PER_MINUTE);
    expect(first.dependencies[`${front}->${back}`]).toBeUndefined();

    // A late span into the oldest bucket, and the late parent of span 3 (client of `front`, a bucket before its child's).
    await writeSpans(app, [
      span({ service: back, name: "job", kind: SpanKind.CONSUMER, startNs: at(3), durationMs: 700, error: true }),
      span({ traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), service: front, kind: SpanKind.CLIENT, startNs: at(24), durationMs: 9_000 }),
    ]);
    await waitUntilFresh(app);
    const late = await expectCachedEqualsFresh(range, 5n * NS_PER_MINUTE);
    expect(late.dependencies[`${front}->${back}`]).toEqual([1, 1]);
    expect(late.dependencies[back]).toEqual([first.dependencies[back][0] + 1, first.dependencies[back][1] + 1]);

    // Retention at minute 26 empties the buckets of [0, 25) and cuts [25, 30) in two.
    const { runRetention } = await import("@/lib/collector/retention/run-retention");
    const cutoff = at(26);
    const result = await runRetention(Number((nowUnixNano() - cutoff) / 1_000_000_000n));
    expect(result.deletedSpans).toBe(16);
    const emptied = range.from + 5n * B;
    const { count } = await rollupState(app);
    for (const table of ["metric_rollups", "dependency_rollups", "rollup_changes"]) {
      expect(await count(table, emptied), table).toBe(0);
    }
    await waitUntilFresh(app);
    const retained = await expectCachedEqualsFresh({ from: emptied, to: range.to }, 5n * NS_PER_MINUTE);
    expect(retained.dependencies[`${front}->${back}`]).toBeUndefined();
    expect(retained.dependencies[back]).toEqual([18, 1]);

    // A span arriving into an emptied bucket whose roll-up was read before: its counter
    // continues from the last version, so the cached roll-up of that version is not reused.
    await writeSpans(app, [span({ service: back, name: "job", kind: SpanKind.CONSUMER, startNs: at(16), durationMs: 3 })]);
    await waitUntilFresh(app);
    const revived = await expectCachedEqualsFresh(range, 5n * NS_PER_MINUTE);
    expect(revived.dependencies[back]).toEqual([19, 1]);
  });

  it.skipIf(provider !== "postgresql")("two_maintainers_on_one_database_take_turns", async () => {
    const [first, second] = [await startMaintainer(), await startMaintainer()];
    const range = hour();
    const service = uniqueService("turns");
    const write = (minute: number) => writeSpans(app, [span({ service, startNs: range.from + BigInt(minute) * NS_PER_MINUTE, durationMs: 5 })]);
    await write(1);
    await waitUntilFresh(app);
    // Only the one holding the maintainer lock worked; the other looked and waited.
    const [one, other] = [await first.status(), await second.status()];
    const [working, waiting] = one.active ? [one, other] : [other, one];
    expect(working).toMatchObject({ active: true });
    expect(working.bucketsComputed).toBeGreaterThan(0);
    expect(waiting).toEqual({ active: false, bucketsComputed: 0, busyMs: 0 });

    // Once the working one stops (its session and lock end), the other takes over.
    const [stopping, remaining] = one.active ? [first, second] : [second, first];
    await stopping.stop();
    await write(16);
    await waitUntilFresh(app);
    expect(await remaining.status()).toMatchObject({ active: true, bucketsComputed: 1 });
    await expectCachedEqualsFresh(range, 5n * NS_PER_MINUTE);
  });
});
