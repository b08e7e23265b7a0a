import { readdirSync, readlinkSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { postgresPoolOf, sqliteReaderOf } from "@/lib/store/db";
import { STORE_TARGETS } from "./support/store-targets";

/** This process's open file descriptors on `filename` (Linux). */
const handlesOn = (filename: string) =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === filename;
    } catch {
      return false;
    }
  }).length;

describe.each(STORE_TARGETS)("what plain-row reads use beside Prisma, on $provider", ({ provider, skipReason, open }) => {
  it.skipIf(skipReason !== null || (provider === "sqlite" && process.platform !== "linux"))("is_closed_when_the_client_disconnects_even_if_prisma_never_connected", async () => {
    const store = await open();
    try {
      if (provider === "sqlite") {
        const filename = (resolveDatabaseTarget(store.url) as { filename: string }).filename;
        const counts: number[] = [];
        for (const [count] of await sqliteReaderOf(store.db).rows<[number]>("spans", "SELECT count(*) FROM spans", [])) counts.push(count);
        expect(counts).toEqual([0]);
        expect(handlesOn(filename)).toBe(1);
        await store.db.$disconnect();
        expect(handlesOn(filename)).toBe(0);
      } else {
        const pool = postgresPoolOf(store.db);
        await pool.query("SELECT 1");
        await store.db.$disconnect();
        expect(pool.ended).toBe(true);
        expect(pool.totalCount).toBe(0);
      }
    } finally {
      await store.dispose();
    }
  });
});
