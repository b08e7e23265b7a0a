import { afterEach, describe, expect, it } from "vitest";
import { postgresMigratedAround, sqliteMigratedAround, type Cleanups } from "./support/migrations-around";
import { POSTGRES_SKIP_REASON, TEST_POSTGRES_URL } from "./support/postgres-database";

const MIGRATION = "20261208120000_link_index_gap";
const LATEST_START = 1_796_000_000_000_000_000n;

/** Two spans stored before link targets were indexed (their documents hold no link tokens). */
const INSERT_OLD_SPANS = [
  `INSERT INTO span_resources (digest, attributes) VALUES ('old', '{}')`,
  `INSERT INTO spans (trace_id, span_id, kind, name, service_name, start_time_ns, end_time_ns, duration_ns, resource_id)
   SELECT 't', s, 2, 'op', 'api', start, start + 1000, 1000, (SELECT id FROM span_resources WHERE digest = 'old')
   FROM (SELECT 'a' AS s, ${LATEST_START - 5000n} AS start UNION ALL SELECT 'b', ${LATEST_START}) AS old`,
];
const GAPS = "SELECT CAST(last_unindexed_start_ns AS TEXT) AS latest FROM link_index_gaps";

describe("link_index_gap migration marks the spans stored before link tokens", () => {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it.each([
    ["sqlite_storedSpans_markTheirLatestStart", true, [{ latest: LATEST_START.toString() }]],
    ["sqlite_noSpans_noMark", false, []],
  ])("%s", (_name, withSpans, gaps) => {
    const db = sqliteMigratedAround(
      MIGRATION,
      (old) => {
        for (const sql of withSpans ? INSERT_OLD_SPANS : []) old.exec(sql);
      },
      cleanups,
    );
    expect(db.prepare(GAPS).all()).toEqual(gaps);
  });

  it.skipIf(!TEST_POSTGRES_URL)(TEST_POSTGRES_URL ? "postgresql_storedSpans_markTheirLatestStart" : `postgresql (${POSTGRES_SKIP_REASON})`, async () => {
    const client = await postgresMigratedAround(
      MIGRATION,
      async (old) => {
        for (const sql of INSERT_OLD_SPANS) await old.query(sql);
      },
      cleanups,
    );
    expect((await client.query(GAPS)).rows).toEqual([{ latest: LATEST_START.toString() }]);
  });
});
