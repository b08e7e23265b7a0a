import { afterEach, describe, expect, it } from "vitest";
import { postgresMigratedAround, sqliteMigratedAround, type Cleanups } from "./support/migrations-around";
import { POSTGRES_SKIP_REASON, TEST_POSTGRES_URL } from "./support/postgres-database";

const MIGRATION = "20261207140000_span_resources";

/** Spans as the schema before the migration held them: three sharing one pair, one with its own scope, one without a scope. */
const OLD_SPANS = [
  { span: "s1", resource: '{"service.name":"api"}', scopeName: "http", scopeVersion: "1.0" },
  { span: "s2", resource: '{"service.name":"api"}', scopeName: "http", scopeVersion: "1.0" },
  { span: "s3", resource: '{"service.name":"api"}', scopeName: "pg", scopeVersion: null },
  { span: "s4", resource: '{"service.name":"db","host.name":"h"}', scopeName: null, scopeVersion: null },
  { span: "s5", resource: '{"service.name":"api"}', scopeName: "http", scopeVersion: "1.0" },
];

const INSERT_OLD_SPAN = `INSERT INTO spans (trace_id, span_id, kind, name, service_name, start_time_ns, end_time_ns, duration_ns,
  resource_attributes, scope_name, scope_version) VALUES ('t', $1, 2, 'op', 'api', 1000, 2000, 1000, $2, $3, $4)`;
const STORED_PAIRS = `SELECT s.span_id AS span, r.attributes AS resource, r.scope_name AS "scopeName", r.scope_version AS "scopeVersion"
  FROM spans s JOIN span_resources r ON r.id = s.resource_id ORDER BY s.span_id`;

describe("span_resources migration carries the pairs of stored spans", () => {
  const cleanups: Cleanups = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("sqlite_everySpanKeepsItsResourceAndScope", () => {
    const db = sqliteMigratedAround(
      MIGRATION,
      (old) => {
        const insert = old.prepare(INSERT_OLD_SPAN.replace(/\$\d/g, "?"));
        for (const span of OLD_SPANS) insert.run(span.span, span.resource, span.scopeName, span.scopeVersion);
      },
      cleanups,
    );

    expect(db.prepare(STORED_PAIRS).all()).toEqual(OLD_SPANS);
    expect(db.prepare("SELECT count(*) AS n FROM span_resources").get()).toEqual({ n: 3 });
    const columns = (db.prepare("PRAGMA table_info(spans)").all() as Array<{ name: string }>).map((column) => column.name);
    expect(columns).toContain("resource_id");
    expect(columns).not.toContain("resource_attributes");
  });

  it.skipIf(!TEST_POSTGRES_URL)(TEST_POSTGRES_URL ? "postgresql_everySpanKeepsItsResourceAndScope" : `postgresql (${POSTGRES_SKIP_REASON})`, async () => {
    const client = await postgresMigratedAround(
      MIGRATION,
      async (old) => {
        for (const span of OLD_SPANS) await old.query(INSERT_OLD_SPAN, [span.span, span.resource, span.scopeName, span.scopeVersion]);
      },
      cleanups,
    );

    expect((await client.query(STORED_PAIRS)).rows).toEqual(OLD_SPANS);
    expect((await client.query("SELECT count(*)::int AS n FROM span_resources")).rows).toEqual([{ n: 3 }]);
  });
});
