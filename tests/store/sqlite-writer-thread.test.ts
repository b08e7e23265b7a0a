import { existsSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteSpanStore } from "@/lib/store/sqlite/sqlite-span-store";
import { SQLITE_TARGET, type OpenStore } from "./support/store-targets";
import { newTraceId, spanId, testSpan } from "./support/test-spans";

/** The SQLite store's writer thread and its WAL checkpointer thread. */
describe("sqlite writer thread", { timeout: 60_000 }, () => {
  let opened: OpenStore;
  const filename = () => opened.url.slice("file:".length);

  beforeEach(async () => {
    opened = await SQLITE_TARGET.open();
  });
  afterEach(async () => {
    await opened.dispose();
  });

  function batch(size: number) {
    const traceId = newTraceId();
    return Array.from({ length: size }, (_, i) => testSpan({ traceId, spanId: spanId(i + 1), attributes: { "http.route": `/items/${i}`, padding: "x".repeat(400) } }));
  }

  it("checkpointer_copies_committed_wal_frames_into_the_database_in_the_background", async () => {
    for (let i = 0; i < 10; i++) await opened.store.writeSpans(batch(500));
    expect(statSync(`${filename()}-wal`).size).toBeGreaterThan(2_000_000);
    await sleep(1_000);
    // Only a checkpoint moves pages into the database file; the writer never ran one (wal_autocheckpoint = 0).
    expect(statSync(filename()).size).toBeGreaterThan(2_000_000);
  });

  it("wal_restarts_after_a_checkpoint_so_it_stays_bounded", async () => {
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 5; i++) await opened.store.writeSpans(batch(500));
      await sleep(600);
    }
    const walBytes = statSync(`${filename()}-wal`).size;
    const databaseBytes = statSync(filename()).size;
    // Twenty batches went through; without checkpoints the WAL would hold all of them.
    expect(walBytes).toBeLessThan(databaseBytes);
  });

  it("wal_is_truncated_to_nothing_once_the_writer_is_idle", async () => {
    for (let i = 0; i < 10; i++) await opened.store.writeSpans(batch(500));
    expect(statSync(`${filename()}-wal`).size).toBeGreaterThan(2_000_000);
    // Two passes that find nothing new, then the truncation.
    await sleep(1_500);
    expect(statSync(`${filename()}-wal`).size).toBe(0);
    expect((await opened.store.storageStats()).spans).toBe(5_000);
  });

  // Under writes that never pause, PASSIVE passes never let the log start over: it grew to
  // 360 MB beside a 67 MB database. Truncation by the checkpointer, and the writer's own
  // when the checkpointer falls behind, keep it near the limit.
  it("wal_stays_near_its_limit_under_writes_that_never_pause", async () => {
    const limit = 1024 * 1024;
    process.env.TRACEBOARD_SQLITE_WAL_LIMIT_BYTES = String(limit);
    const store = openSqliteSpanStore(filename());
    try {
      let largest = 0;
      let spans = 0;
      // Until the database holds twenty times the limit (about 3 s here; longer on a loaded machine).
      const until = Date.now() + 30_000;
      while (Date.now() < until && statSync(filename()).size <= 20 * limit) {
        await store.writeSpans(batch(200));
        spans += 200;
        largest = Math.max(largest, statSync(`${filename()}-wal`).size);
      }
      const databaseBytes = statSync(filename()).size;
      // Unbounded, the WAL would hold about as much as the database (3.6 MB here against 127 MB written).
      expect(databaseBytes).toBeGreaterThan(20 * limit);
      // Twice the limit, plus what one batch and the commits during a checkpoint pass add; room for a loaded machine.
      expect(largest).toBeLessThan(8 * limit);
      expect((await store.storageStats()).spans).toBe(spans);
    } finally {
      delete process.env.TRACEBOARD_SQLITE_WAL_LIMIT_BYTES;
      await store.close();
    }
  });

  it("two_stores_on_one_file_write_in_turn_without_losing_rows", async () => {
    const second = openSqliteSpanStore(filename());
    try {
      const results = await Promise.all([
        ...Array.from({ length: 5 }, () => opened.store.writeSpans(batch(200))),
        ...Array.from({ length: 5 }, () => second.writeSpans(batch(200))),
      ]);
      expect(results.map((result) => result.inserted)).toEqual(Array(10).fill(200));
      expect(await opened.db.span.count()).toBe(2_000);
    } finally {
      await second.close();
    }
  });

  it("close_leaves_no_wal_behind", async () => {
    await opened.store.writeSpans(batch(100));
    await opened.store.close();
    expect(existsSync(`${filename()}-wal`)).toBe(false);
  });
});
