import type { SpanRecord } from "@/lib/domain/span-record";
import { resourceKey } from "./span-resources";
import type { OperationSeen, TraceDelta, TraceServiceCount } from "./trace-summary";

export type SqlDialect = "sqlite" | "postgresql";
/** Booleans are bound as 1/0: better-sqlite3 binds no booleans, and PostgreSQL reads '1'/'0' as bool. */
export type SqlValue = string | number | bigint | null;
type PostgresType = "text" | "int" | "bigint" | "bool";

/** How rows of one table are written by both dialects' insert builders. */
export interface TableWrite<Row> {
  table: string;
  /** Column name -> PostgreSQL type (for `unnest`), in the order `values` yields. */
  columns: Readonly<Record<string, PostgresType>>;
  values(row: Row): SqlValue[];
  onConflict(dialect: SqlDialect): string;
}

/**
 * Spans as stored, except that the resource_id column holds the span's ResourceKey:
 * the store swaps it for its span_resources id (SPAN_RESOURCE_COLUMN) inside the write's
 * transaction, since only the database knows the ids.
 */
/** The primary key of spans in PostgreSQL: the span's identity and its start, the partition key. */
export const SPANS_POSTGRES_KEY = ["trace_id", "span_id", "kind", "start_time_ns"] as const;

export const SPANS: TableWrite<SpanRecord> = {
  table: "spans",
  columns: {
    trace_id: "text",
    span_id: "text",
    kind: "int",
    parent_span_id: "text",
    name: "text",
    service_name: "text",
    start_time_ns: "bigint",
    end_time_ns: "bigint",
    duration_ns: "bigint",
    status_code: "int",
    status_message: "text",
    attributes: "text",
    resource_id: "int",
    events: "text",
    links: "text",
    trace_state: "text",
  },
  values: (span) => [
    span.traceId,
    span.spanId,
    span.kind,
    span.parentSpanId,
    span.name,
    span.serviceName,
    span.startTimeNs,
    span.endTimeNs,
    span.endTimeNs - span.startTimeNs,
    span.statusCode,
    span.statusMessage,
    JSON.stringify(span.attributes),
    resourceKey(span),
    JSON.stringify(span.events),
    JSON.stringify(span.links),
    span.traceState,
  ],
  // A retried batch hits the key and is ignored; `changes`/RETURNING tell what was new.
  // PostgreSQL partitions spans by start time, and a partitioned table's key must hold the
  // partition key: there a span stored with another start is found before the insert
  // (postgres-span-store.ts).
  onConflict: (dialect) =>
    dialect === "sqlite" ? "ON CONFLICT (trace_id, span_id, kind) DO NOTHING" : `ON CONFLICT (${SPANS_POSTGRES_KEY.join(", ")}) DO NOTHING`,
};

/** The position in SPANS rows of the resource's key, to be replaced by its id. */
export const SPAN_RESOURCE_COLUMN = Object.keys(SPANS.columns).indexOf("resource_id");

export const TRACES: TableWrite<TraceDelta> = {
  table: "traces",
  columns: {
    trace_id: "text",
    root_service: "text",
    root_name: "text",
    has_root: "bool",
    start_time_ns: "bigint",
    end_time_ns: "bigint",
    duration_ns: "bigint",
    span_count: "int",
    error_count: "int",
  },
  values: (trace) => [
    trace.traceId,
    trace.rootService,
    trace.rootName,
    trace.hasRoot ? 1 : 0,
    trace.startTimeNs,
    trace.endTimeNs,
    trace.endTimeNs - trace.startTimeNs,
    trace.spanCount,
    trace.errorCount,
  ],
  onConflict(dialect) {
    const [least, greatest] = dialect === "sqlite" ? ["MIN", "MAX"] : ["LEAST", "GREATEST"];
    // A real root replaces a provisional one; between equals the earlier start wins.
    // Every SET expression reads the row as it was before this update.
    const takesRoot =
      "(excluded.has_root > traces.has_root OR (excluded.has_root = traces.has_root AND excluded.start_time_ns < traces.start_time_ns))";
    const start = `${least}(traces.start_time_ns, excluded.start_time_ns)`;
    const end = `${greatest}(traces.end_time_ns, excluded.end_time_ns)`;
    return `ON CONFLICT (trace_id) DO UPDATE SET
      root_service = CASE WHEN ${takesRoot} THEN excluded.root_service ELSE traces.root_service END,
      root_name = CASE WHEN ${takesRoot} THEN excluded.root_name ELSE traces.root_name END,
      has_root = ${greatest}(traces.has_root, excluded.has_root),
      start_time_ns = ${start},
      end_time_ns = ${end},
      duration_ns = ${end} - ${start},
      span_count = traces.span_count + excluded.span_count,
      error_count = traces.error_count + excluded.error_count`;
  },
};

/** A trace's summary right after its upsert (RETURNING start_time_ns, span_count). */
export interface UpsertedTrace {
  startTimeNs: bigint;
  spanCount: number;
}

/**
 * Whether trace_services rows this batch did not touch may now hold a stale start:
 * only when the trace existed before and this batch set its start. A new trace has
 * no other rows, and an unchanged start leaves them right.
 */
export function needsStartAlignment(delta: TraceDelta, upserted: UpsertedTrace): boolean {
  return upserted.spanCount > delta.spanCount && upserted.startTimeNs === delta.startTimeNs;
}

/** A trace-service count together with its trace's start after the trace upsert. */
export type TraceServiceRow = TraceServiceCount & { traceStartNs: bigint };

export const TRACE_SERVICES: TableWrite<TraceServiceRow> = {
  table: "trace_services",
  columns: { trace_id: "text", service_name: "text", start_time_ns: "bigint", span_count: "int", error_count: "int" },
  values: (row) => [row.traceId, row.serviceName, row.traceStartNs, row.spanCount, row.errorCount],
  onConflict: () => `ON CONFLICT (trace_id, service_name) DO UPDATE SET
      start_time_ns = excluded.start_time_ns,
      span_count = trace_services.span_count + excluded.span_count,
      error_count = trace_services.error_count + excluded.error_count`,
};

/** last_seen_ns moves only when a minute newer: steady traffic rewrites an operation row once a minute, not per batch. */
export const OPERATION_REFRESH_NS = 60_000_000_000n;

export const OPERATIONS: TableWrite<OperationSeen> = {
  table: "operations",
  columns: { service_name: "text", span_name: "text", kind: "int", last_seen_ns: "bigint" },
  values: (operation) => [operation.serviceName, operation.spanName, operation.kind, operation.lastSeenNs],
  onConflict: () => `ON CONFLICT (service_name, span_name, kind) DO UPDATE SET
      last_seen_ns = excluded.last_seen_ns
      WHERE excluded.last_seen_ns > operations.last_seen_ns + ${OPERATION_REFRESH_NS}`,
};

/** The identity of a stored span: Zipkin's shared client/server halves differ by kind only. */
export function spanKey(span: { traceId: string; spanId: string; kind: number }): string {
  return `${span.traceId}/${span.spanId}/${span.kind}`;
}
