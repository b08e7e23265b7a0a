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
