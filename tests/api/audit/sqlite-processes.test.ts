import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDatabase } from "../support/test-database";
import { startTestApp, type TestApp } from "../support/test-app";
import { getJson, walkPages } from "./audit-support";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const PROCESSES = 3;
const APPENDS_EACH = 100;

/** Several processes appending to one SQLite file at once (as `npm start` plus a script would): BEGIN IMMEDIATE keeps one chain. */
describe("SQLite audit appends from several processes", { timeout: 120_000 }, () => {
  let app: TestApp;
  beforeAll(async () => {
    const database = await createSqliteDatabase();
    const filename = database.url.slice("file:".length);
    const startAt = String(Date.now() + 5_000);
    await Promise.all(
      Array.from({ length: PROCESSES }, (_, i) =>
        run(TSX, [path.join(import.meta.dirname, "support/append-process.ts"), filename, String(APPENDS_EACH), `p${i}`, startAt], { cwd: ROOT }),
      ),
    );
    app = await startTestApp({ database });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it("every_append_is_in_one_unbroken_chain", async () => {
    const total = PROCESSES * APPENDS_EACH;
    expect(await getJson(app, "/api/tracing/audit/verify")).toMatchObject({ valid: true, checked: total, lastSeq: total });
    const { events } = await walkPages(app, "/api/tracing/audit", 1000);
    expect(new Set(events.map((event) => event.resourceId)).size).toBe(total);
    // The processes really ran at the same time: their appends interleave in the chain.
    const switches = events.filter((event, i) => i > 0 && event.userId !== events[i - 1].userId).length;
    expect(switches).toBeGreaterThan(20);
  });
});
