import "server-only";
import type { Attributes, SpanRecord } from "@/lib/domain/span-record";
import { resolveDatabaseTarget } from "../database-target";
import { getDb, postgresPoolOf } from "../db";
import { readPostgresSpansOfTraces } from "../postgres/postgres-spans-of-traces";
import type { SqlDialect } from "../table-writes";

/** A span as the aggregate below spells it: times as decimal text, the resource's attributes still JSON text. */
type SpanJson = Omit<SpanRecord, "startTimeNs" | "endTimeNs" | "resourceAttributes"> & {
  startTimeNs: string;
  endTimeNs: string;
  resourceAttributes: string;
};

const TEXT_COLUMNS = {
  traceId: "s.trace_id",
  spanId: "s.span_id",
  parentSpanId: "s.parent_span_id",
  name: "s.name",
  kind: "s.kind",
  serviceName: "s.service_name",
  statusCode: "s.status_code",
  statusMessage: "s.status_message",
  resourceAttributes: "r.attributes",
  scopeName: "r.scope_name",
  scopeVersion: "r.scope_version",
  traceState: "s.trace_state",
};
const JSON_COLUMNS = { attributes: "s.attributes", events: "s.events", links: "s.links" };
/** What a query evaluation reads: no events or links (they come back empty), the bulk of a span's JSON when present. */
const SEARCH_JSON_COLUMNS = { attributes: "s.attributes" };
const TIME_COLUMNS = { startTimeNs: "s.start_time_ns", endTimeNs: "s.end_time_ns" };

/** `'key', column` pairs of a JSON object of the span row `s`: text as is, JSON parsed by the database, times as decimal text. */
function objectPairs(dialect: SqlDialect, text: Record<string, string>, json: Record<string, string>): string {
  return [
    ...Object.entries(text).map(([key, column]) => `'${key}', ${column}`),
    ...Object.entries(json).map(([key, column]) => (dialect === "sqlite" ? `'${key}', json(${column})` : `'${key}', ${column}::json`)),
    ...Object.entries(TIME_COLUMNS).map(([key, column]) => `'${key}', CAST(${column} AS TEXT)`),
  ].join(", ");
}

/**
 * One JSON array of every span of a trace, built by the database: Prisma turns each
 * result cell into a JS value at a cost that dominated a 5,000-span trace (about
 * 18 columns x 5,000 rows), so the spans come back as one text cell and one JSON.parse.
 * Each span's resource and scope come from its span_resources row (a primary-key join).
 */
function traceSpansSql(dialect: SqlDialect, where: string, jsonColumns: Record<string, string> = JSON_COLUMNS): string {
  const pairs = objectPairs(dialect, TEXT_COLUMNS, jsonColumns);
  const from = "spans s JOIN span_resources r ON r.id = s.resource_id";
  return dialect === "sqlite"
    ? `SELECT s.trace_id AS "traceId", json_group_array(json_object(${pairs})) AS "spans" FROM ${from} WHERE ${where} GROUP BY s.trace_id`
    : `SELECT s.trace_id AS "traceId", CAST(json_agg(json_build_object(${pairs})) AS TEXT) AS "spans" FROM ${from} WHERE ${where} GROUP BY s.trace_id`;
}

/**
 * Records from the aggregate's text, converted in place (a copy per span doubled the
 * garbage of a TraceQL page); spans of one resource share one parsed attributes object,
 * as the collector's records do.
 */
function toRecords(text: string, resources: Map<string, Attributes>): SpanRecord[] {
  const spans = JSON.parse(text) as SpanJson[];
  for (const span of spans) {
    let resource = resources.get(span.resourceAttributes);
    if (!resource) resources.set(span.resourceAttributes, (resource = JSON.parse(span.resourceAttributes) as Attributes));
    const record = span as unknown as SpanRecord;
    record.startTimeNs = BigInt(span.startTimeNs);
    record.endTimeNs = BigInt(span.endTimeNs);
    record.resourceAttributes = resource;
    record.events ??= [];
    record.links ??= [];
  }
  return spans as unknown as SpanRecord[];
}

type SpansRow = { traceId: string; spans: string | null };

/**
 * Every stored span of one trace, as records, in no particular order; empty for an
 * unknown trace.
 */
export async function readTraceSpans(traceId: string): Promise<SpanRecord[]> {
  const dialect = resolveDatabaseTarget().provider;
  const [row] = await getDb().$queryRawUnsafe<SpansRow[]>(traceSpansSql(dialect, dialect === "sqlite" ? "s.trace_id = ?" : "s.trace_id = $1"), traceId);
  return row?.spans ? toRecords(row.spans, new Map()) : [];
}

/** The stored spans of a trace with one span id (two for a span Zipkin shares between client and server); empty when none. */
export async function readTraceSpan(traceId: string, spanId: string): Promise<SpanRecord[]> {
  const dialect = resolveDatabaseTarget().provider;
  const where = dialect === "sqlite" ? "s.trace_id = ? AND s.span_id = ?" : "s.trace_id = $1 AND s.span_id = $2";
  const [row] = await getDb().$queryRawUnsafe<SpansRow[]>(traceSpansSql(dialect, where), traceId, spanId);
  return row?.spans ? toRecords(row.spans, new Map()) : [];
}

/**
 * The spans of each of `traceIds` (one statement for all), in no particular order, as a
 * query evaluates them: without their events and links, which reading and parsing cost
 * most of the time otherwise (bench:query: 27 of 40 ms a TraceQL page). Unknown traces
 * are left out. `earliestStartNs`, when given, is at or before the start of every one of
 * the traces (so of every span of them): PostgreSQL probes the day partitions from then
 * on only (a 2,000-trace walk over a week's partitions: 645-690 ms without, 550-670 with).
 */
export async function readSpansOfTraces(traceIds: readonly string[], earliestStartNs?: bigint): Promise<Map<string, SpanRecord[]>> {
  if (traceIds.length === 0) return new Map();
  const dialect = resolveDatabaseTarget().provider;
  if (dialect === "postgresql") return readPostgresSpansOfTraces(postgresPoolOf(getDb()), traceIds, earliestStartNs ?? 0n);
  // SQLite reads by primary key either way; a start bound could lure it onto the start-time index.
  const rows = await getDb().$queryRawUnsafe<SpansRow[]>(traceSpansSql(dialect, "s.trace_id IN (SELECT value FROM json_each(?))", SEARCH_JSON_COLUMNS), JSON.stringify(traceIds));
  const resources = new Map<string, Attributes>();
  return new Map(rows.map((row) => [row.traceId, row.spans ? toRecords(row.spans, resources) : []]));
}
