import "server-only";
import { SPAN_ID_HEX_DIGITS, type Attributes, type SpanEvent, type SpanRecord } from "@/lib/domain/span-record";
import { resolveDatabaseTarget } from "../database-target";
import type pg from "pg";
import { getDb, postgresPoolOf, sqliteReaderOf } from "../db";
import { selectRows } from "../postgres/observed-rows";
import { POSTGRES_RESOURCES_SQL } from "../postgres/postgres-spans-of-traces";
import type { SqliteReadConnection } from "../sqlite/sqlite-read-connection";
import { SPAN_HEAD_COLUMNS, SPAN_HEAD_LENGTH, toResources, type ResourceRow, type SpanHeadRow } from "./span-rows";

/** A span as the compact trace view reads it: no trace id, trace state or links (their count only). */
export type SpanStructure = Omit<SpanRecord, "traceId" | "traceState" | "links"> & { linkCount: number };

const NO_RESOURCE = { attributes: {}, scopeName: null, scopeVersion: null };

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

/** A trace's spans as read, and each one's resource id: resources are read once all spans are. */
interface ReadSpans {
  spans: SpanStructure[];
  resourceIdOf: number[];
}

/** One span as read; its resource's attributes and scope are set later (they start empty). */
function spanStructure(
  [spanId, parentSpanId, name, kind, serviceName, statusCode, statusMessage]: SpanHeadRow,
  attributes: Attributes,
  events: SpanEvent[],
  linkCount: number,
  start: string,
  end: string,
): SpanStructure {
  return {
    spanId,
    parentSpanId,
    name,
    kind,
    serviceName,
    statusCode,
    statusMessage,
    startTimeNs: BigInt(start),
    endTimeNs: BigInt(end),
    attributes,
    events,
    linkCount,
    resourceAttributes: NO_RESOURCE.attributes,
    scopeName: null,
    scopeVersion: null,
  };
}

/** PostgreSQL: plain rows through the pg pool (Prisma's conversion of every cell cost most of the read). */
async function readPostgresSpans(pool: pg.Pool, traceId: string): Promise<ReadSpans> {
  const read: ReadSpans = { spans: [], resourceIdOf: [] };
  const sql = `SELECT ${SPAN_HEAD_COLUMNS}, s.resource_id, s.attributes, NULLIF(s.events, '[]'), json_array_length(s.links::json),
    CAST(s.start_time_ns AS TEXT), CAST(s.end_time_ns AS TEXT) FROM spans s WHERE s.trace_id = $1`;
  for (const row of await selectRows<StructureRow>(pool, "spans", sql, [traceId])) {
    const [resourceId, attributes, events, linkCount, start, end] = row.slice(SPAN_HEAD_LENGTH) as [number, string, string | null, number, string, string];
    read.resourceIdOf.push(Number(resourceId));
    read.spans.push(spanStructure(row as unknown as SpanHeadRow, JSON.parse(attributes) as Attributes, events === null ? [] : (JSON.parse(events) as SpanEvent[]), linkCount, start, end));
  }
  return read;
}

/**
 * SQLite: one row of column aggregates (a JSON array per column, the stored JSON texts of
 * attributes and events joined into one array each, the fixed-width span ids as one
 * string), all fed the spans in the same order by the one pass of the aggregate. A
 * 200,000-span trace: 0.47-0.50 s against 0.67-0.73 s as a row per span, where
 * better-sqlite3 made ~2.6 million cell values and the server 200,000 small JSON.parse calls.
 */
async function readSqliteSpans(reader: SqliteReadConnection, traceId: string): Promise<ReadSpans> {
  type Aggregates = [count: number, spanIds: string | null, ...columns: string[]];
  const sql = `SELECT count(*), group_concat(span_id, ''), json_group_array(parent_span_id), json_group_array(name), json_group_array(kind),
    json_group_array(service_name), json_group_array(status_code), json_group_array(status_message), json_group_array(resource_id),
    '[' || group_concat(attributes, ',') || ']', '[' || group_concat(events, ',') || ']', json_group_array(json_array_length(links)),
    json_group_array(CAST(start_time_ns AS TEXT)), json_group_array(CAST(end_time_ns AS TEXT))
    FROM spans WHERE trace_id = ?`;
  const row = await reader.firstRow<Aggregates>("spans", sql, [traceId]);
  const [count, spanIds, ...texts] = row ?? [0, null];
  if (count === 0 || spanIds === null) return { spans: [], resourceIdOf: [] };
  // Ingest stores every span id as 16 lowercase hex digits: the joined ids cut at fixed places.
  if (spanIds.length !== count * SPAN_ID_HEX_DIGITS) throw new Error(`trace ${traceId}: stored span ids are not all ${SPAN_ID_HEX_DIGITS} hex digits`);
  const [parents, names, kinds, services, statuses, messages, resourceIds, attributes, events, linkCounts, starts, ends] = texts.map((text) => JSON.parse(text) as unknown[]);
  const spans = new Array<SpanStructure>(count);
  for (let i = 0; i < count; i++) {
    const head = [spanIds.slice(i * SPAN_ID_HEX_DIGITS, (i + 1) * SPAN_ID_HEX_DIGITS), parents[i], names[i], kinds[i], services[i], statuses[i], messages[i]] as SpanHeadRow;
    spans[i] = spanStructure(head, attributes[i] as Attributes, events[i] as SpanEvent[], linkCounts[i] as number, starts[i] as string, ends[i] as string);
  }
  return { spans, resourceIdOf: resourceIds as number[] };
}

/** Each database's reads of a trace's spans and of resources by id. */
function dialectOf() {
  const db = getDb();
  if (resolveDatabaseTarget().provider === "postgresql") {
    const pool = postgresPoolOf(db);
    return {
      readSpans: (traceId: string) => readPostgresSpans(pool, traceId),
      readResources: (ids: number[]) => selectRows<ResourceRow>(pool, "span_resources", POSTGRES_RESOURCES_SQL, [ids]),
    };
  }
  const reader = sqliteReaderOf(db);
  return {
    readSpans: (traceId: string) => readSqliteSpans(reader, traceId),
    readResources: (ids: number[]) =>
      reader.rows<ResourceRow>("span_resources", "SELECT id, attributes, scope_name, scope_version FROM span_resources WHERE id IN (SELECT value FROM json_each(?))", [JSON.stringify(ids)]),
  };
}

/**
 * Every span of a trace as the compact view needs it, in no particular order; empty for
 * an unknown trace. Read outside Prisma on both databases, and each of the trace's
 * resources once (a second statement) instead of its text riding on every span; links
 * are only counted.
 */
export async function readTraceStructure(traceId: string): Promise<SpanStructure[]> {
  const { readSpans, readResources } = dialectOf();
  const { spans, resourceIdOf } = await readSpans(traceId);
  if (spans.length === 0) return [];
  const resources = toResources(await readResources([...new Set(resourceIdOf)]));
  for (let i = 0; i < spans.length; i++) {
    // Every span row points at a stored resource (written first, in the same transaction).
    const resource = resources.get(Number(resourceIdOf[i])) ?? NO_RESOURCE;
    spans[i].resourceAttributes = resource.attributes;
    spans[i].scopeName = resource.scopeName;
    spans[i].scopeVersion = resource.scopeVersion;
  }
  return spans;
}
