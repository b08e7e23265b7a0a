import "server-only";
import type { Attributes, SpanEvent, SpanRecord } from "@/lib/domain/span-record";
import { resolveDatabaseTarget } from "../database-target";
import { getDb, postgresPoolOf, sqliteReaderOf } from "../db";
import { selectRows } from "../postgres/observed-rows";
import { POSTGRES_RESOURCES_SQL } from "../postgres/postgres-spans-of-traces";
import { SPAN_HEAD_COLUMNS, toResources, type ResourceRow, type SpanHeadRow } from "./span-rows";

/** A span as the compact trace view reads it: no trace id, trace state or links (their count only). */
export type SpanStructure = Omit<SpanRecord, "traceId" | "traceState" | "links"> & { linkCount: number };

type StructureRow = [
  ...SpanHeadRow,
  resourceId: number,
  attributes: string,
  /** Null for none (the common case: no JSON to parse). */
  events: string | null,
  linkCount: number,
  startTimeNs: string,
  endTimeNs: string,
];

/** Visits the rows of one SELECT as arrays, outside Prisma (whose conversion of every cell cost most of the read). */
type EachRow = <Row extends unknown[]>(table: string, sql: string, params: unknown[], visit: (row: Row) => void) => Promise<void>;

const COLUMNS = (linkCount: string) =>
  `${SPAN_HEAD_COLUMNS}, s.resource_id, s.attributes, NULLIF(s.events, '[]'), ${linkCount}, CAST(s.start_time_ns AS TEXT), CAST(s.end_time_ns AS TEXT)`;

/** Each database's statements and its plain-row reader. */
function dialectOf() {
  const db = getDb();
  if (resolveDatabaseTarget().provider === "postgresql") {
    const pool = postgresPoolOf(db);
    return {
      eachRow: (async (table, sql, params, visit) => {
        for (const row of await selectRows(pool, table, sql, params)) visit(row as never);
      }) as EachRow,
      spansSql: `SELECT ${COLUMNS("json_array_length(s.links::json)")} FROM spans s WHERE s.trace_id = $1`,
      resourcesSql: POSTGRES_RESOURCES_SQL,
      resourceIds: (ids: number[]): unknown => ids,
    };
  }
  const reader = sqliteReaderOf(db);
  return {
    eachRow: ((table, sql, params, visit) => reader.eachRow(table, sql, params, visit)) as EachRow,
    spansSql: `SELECT ${COLUMNS("json_array_length(s.links)")} FROM spans s WHERE s.trace_id = ?`,
    resourcesSql: "SELECT id, attributes, scope_name, scope_version FROM span_resources WHERE id IN (SELECT value FROM json_each(?))",
    resourceIds: (ids: number[]): unknown => JSON.stringify(ids),
  };
}

const NO_RESOURCE = { attributes: {}, scopeName: null, scopeVersion: null };

/**
 * Every span of a trace as the compact view needs it, in no particular order; empty for
 * an unknown trace. Read as plain rows on both databases, each made a span as it comes,
 * and each of the trace's resources once (a second statement) instead of its text riding
 * on every span; links are only counted. A 200,000-span trace (SQLite, this machine):
 * 0.7-0.9 s against 1.2-1.6 s for the JSON aggregate read through Prisma before.
 */
export async function readTraceStructure(traceId: string): Promise<SpanStructure[]> {
  const { eachRow, spansSql, resourcesSql, resourceIds } = dialectOf();
  const spans: SpanStructure[] = [];
  const resourceIdOf: number[] = [];
  await eachRow<StructureRow>("spans", spansSql, [traceId], (row) => {
    const [spanId, parentSpanId, name, kind, serviceName, statusCode, statusMessage, resourceId, attributes, events, linkCount, start, end] = row;
    resourceIdOf.push(Number(resourceId));
    spans.push({
      spanId,
      parentSpanId,
      name,
      kind,
      serviceName,
      statusCode,
      statusMessage,
      startTimeNs: BigInt(start),
      endTimeNs: BigInt(end),
      attributes: JSON.parse(attributes) as Attributes,
      events: events === null ? [] : (JSON.parse(events) as SpanEvent[]),
      linkCount,
      // Set below, once the resources are read.
      resourceAttributes: NO_RESOURCE.attributes,
      scopeName: null,
      scopeVersion: null,
    });
  });
  if (spans.length === 0) return [];
  const resourceRows: ResourceRow[] = [];
  await eachRow<ResourceRow>("span_resources", resourcesSql, [resourceIds([...new Set(resourceIdOf)])], (row) => resourceRows.push(row));
  const resources = toResources(resourceRows);
  for (let i = 0; i < spans.length; i++) {
    // Every span row points at a stored resource (written first, in the same transaction).
    const resource = resources.get(resourceIdOf[i]) ?? NO_RESOURCE;
    spans[i].resourceAttributes = resource.attributes;
    spans[i].scopeName = resource.scopeName;
    spans[i].scopeVersion = resource.scopeVersion;
  }
  return spans;
}
