import "server-only";
import type { Attributes, SpanEvent, SpanKind, SpanLink, SpanRecord, StatusCode } from "@/lib/domain/span-record";
import { resolveDatabaseTarget } from "../database-target";
import { getDb } from "../db";
import type { SqlDialect } from "../table-writes";

/** A span as the aggregate below spells it: times as decimal text, the resource's attributes still JSON text. */
type SpanJson = Omit<SpanRecord, "startTimeNs" | "endTimeNs" | "resourceAttributes"> & {
  startTimeNs: string;
  endTimeNs: string;
  resourceAttributes: string;
};

const TEXT_COLUMNS = {
  traceId: "trace_id",
  spanId: "span_id",
  parentSpanId: "parent_span_id",
  name: "name",
  kind: "kind",
  serviceName: "service_name",
  statusCode: "status_code",
  statusMessage: "status_message",
  resourceAttributes: "resource_attributes",
  scopeName: "scope_name",
  scopeVersion: "scope_version",
  traceState: "trace_state",
};
const JSON_COLUMNS = { attributes: "attributes", events: "events", links: "links" };
const TIME_COLUMNS = { startTimeNs: "start_time_ns", endTimeNs: "end_time_ns" };

/**
 * One JSON array of every span of a trace, built by the database: Prisma turns each
 * result cell into a JS value at a cost that dominated a 5,000-span trace (about
 * 18 columns x 5,000 rows), so the spans come back as one text cell and one JSON.parse.
 */
function traceSpansSql(dialect: SqlDialect): string {
  const pairs = [
    ...Object.entries(TEXT_COLUMNS).map(([key, column]) => `'${key}', ${column}`),
    ...Object.entries(JSON_COLUMNS).map(([key, column]) => (dialect === "sqlite" ? `'${key}', json(${column})` : `'${key}', ${column}::json`)),
    ...Object.entries(TIME_COLUMNS).map(([key, column]) => `'${key}', CAST(${column} AS TEXT)`),
  ].join(", ");
  return dialect === "sqlite"
    ? `SELECT json_group_array(json_object(${pairs})) AS "spans" FROM spans WHERE trace_id = ?`
    : `SELECT CAST(json_agg(json_build_object(${pairs})) AS TEXT) AS "spans" FROM spans WHERE trace_id = $1`;
}

/**
 * Every stored span of one trace, as records, in no particular order; empty for an
 * unknown trace. Spans of one resource share one parsed attributes object, as the
 * collector's records do.
 */
export async function readTraceSpans(traceId: string): Promise<SpanRecord[]> {
  const [row] = await getDb().$queryRawUnsafe<Array<{ spans: string | null }>>(traceSpansSql(resolveDatabaseTarget().provider), traceId);
  const spans = row?.spans ? (JSON.parse(row.spans) as SpanJson[]) : [];
  const resources = new Map<string, Attributes>();
  return spans.map((span) => {
    let resource = resources.get(span.resourceAttributes);
    if (!resource) resources.set(span.resourceAttributes, (resource = JSON.parse(span.resourceAttributes) as Attributes));
    return {
      ...span,
      kind: span.kind as SpanKind,
      statusCode: span.statusCode as StatusCode,
      startTimeNs: BigInt(span.startTimeNs),
      endTimeNs: BigInt(span.endTimeNs),
      resourceAttributes: resource,
      attributes: span.attributes as Attributes,
      events: span.events as SpanEvent[],
      links: span.links as SpanLink[],
    };
  });
}
