import pg from "pg";
import type { SpanRecord } from "@/lib/domain/span-record";
import { checkBatchSize, DEFAULT_DELETE_BATCH_SIZE, deleteInBatches } from "../delete-in-batches";
import type { DeleteResult, SpanStore, WriteResult } from "../span-store-contract";
import { RecentOperations } from "../recent-operations";
import { needsStartAlignment, OPERATIONS, SPANS, SPANS_POSTGRES_KEY, spanKey, TRACE_SERVICES, TRACES } from "../table-writes";
import type { FoundResourceIds } from "../span-resources";
import { countSpans, summarizeSpans, type CountedSpan, type OperationSeen } from "../trace-summary";
import { writeInSlices } from "../write-in-slices";
import { inTransaction } from "./in-transaction";
import { postgresAttributeIndex, type PostgresAttributeIndex } from "./postgres-attribute-index";
import { postgresColumns, postgresInsert, postgresRowsNotStored } from "./postgres-insert";
import { postgresSpanResources, type PostgresSpanResources } from "./postgres-span-resources";
import { HOLD_SPAN_WRITES_SQL } from "./span-write-barrier";
import { createDayPartitions, dropSpansPartitionsBefore } from "./postgres-partitions";
import { POSTGRES_SESSION_OPTIONS } from "./session-options";

/** Connections for writes and retention; the Prisma read client has its own pool. */
const POOL_SIZE = 4;
/**
 * Spans per transaction of a large write: building a statement's parameters costs about
 * 22 µs a span on the event loop here, so 1,000 hold it some 22 ms.
 */
const SPANS_PER_WRITE = 1_000;

/**
 * spans' key holds the start (the partition key), so a span stored before with the same
 * identity (trace, span, kind) but another start would not stop the insert: such a row is
 * left out here and counts as a duplicate (a conflict, as its content differs). Only a trace
 * with a summary has stored spans, and none starts before the summary's start: a new trace
 * costs one summary lookup (a NULL bound prunes every partition), an old one looks only into
 * partitions from its start on. OFFSET 0 keeps it one lookup per row: as a join the planner
 * hashed whole partitions (107 ms for 1,000 rows at 160,000 stored spans, growing with the
 * table); this way 1,000 rows take about 2 ms (new traces) to 5-13 ms (stored ones) at
 * 400,000 spans over 8 days. (Two writers storing one span id with two starts at the same
 * moment could both succeed; a retry resends the same start, which the key catches.)
 */
const STORED_UNDER_OTHER_START = `NOT EXISTS (SELECT 1 FROM spans s
  WHERE s.trace_id = d.trace_id AND s.span_id = d.span_id AND s.kind = d.kind AND s.start_time_ns <> d.start_time_ns
    AND s.start_time_ns >= (SELECT t.start_time_ns FROM traces t WHERE t.trace_id = d.trace_id) OFFSET 0)`;
const INSERT_SPANS = postgresInsert(SPANS, "RETURNING trace_id, span_id, kind", STORED_UNDER_OTHER_START);
const SPANS_NOT_STORED = postgresRowsNotStored(SPANS, SPANS_POSTGRES_KEY);
const UPSERT_TRACES = postgresInsert(TRACES, "RETURNING trace_id, start_time_ns, span_count");
const UPSERT_TRACE_SERVICES = postgresInsert(TRACE_SERVICES);
const ALIGN_TRACE_SERVICE_STARTS = `UPDATE trace_services AS s SET start_time_ns = t.start_time_ns
  FROM traces AS t WHERE t.trace_id = ANY($1::text[]) AND s.trace_id = t.trace_id AND s.start_time_ns <> t.start_time_ns`;
const UPSERT_OPERATIONS = postgresInsert(OPERATIONS);

/** After whole partitions were dropped: the rows of the partition straddling the cutoff, and strays in the DEFAULT one. */
const DELETE_OLD_SPANS = `DELETE FROM spans WHERE start_time_ns < $1 AND (trace_id, span_id, kind, start_time_ns) IN
  (SELECT trace_id, span_id, kind, start_time_ns FROM spans WHERE start_time_ns < $1 ORDER BY start_time_ns LIMIT $2)
  RETURNING trace_id AS "traceId", service_name AS "serviceName", status_code AS "statusCode"`;
const UNCOUNT_TRACES = `UPDATE traces AS t SET span_count = t.span_count - d.span_count, error_count = t.error_count - d.error_count
  FROM unnest($1::text[], $2::int[], $3::int[]) AS d(trace_id, span_count, error_count) WHERE t.trace_id = d.trace_id`;
const DELETE_EMPTY_TRACES = "DELETE FROM traces WHERE trace_id = ANY($1::text[]) AND span_count <= 0";
const UNCOUNT_TRACE_SERVICES = `UPDATE trace_services AS s SET span_count = s.span_count - d.span_count, error_count = s.error_count - d.error_count
  FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS d(trace_id, service_name, span_count, error_count)
  WHERE s.trace_id = d.trace_id AND s.service_name = d.service_name`;
const DELETE_EMPTY_TRACE_SERVICES = "DELETE FROM trace_services WHERE trace_id = ANY($1::text[]) AND span_count <= 0";
const DELETE_STALE_OPERATIONS = "DELETE FROM operations WHERE last_seen_ns < $1";

const COUNT_ROWS = `SELECT (SELECT count(*) FROM spans) AS spans, (SELECT count(*) FROM traces) AS traces,
  pg_database_size(current_database()) AS bytes`;

/** The spans the INSERT reported as new, each once (a batch may repeat a span), and the positions of the others. */
function splitInserted(spans: readonly SpanRecord[], insertedKeys: Set<string>): { inserted: SpanRecord[]; duplicates: number[] } {
  const inserted: SpanRecord[] = [];
  const duplicates: number[] = [];
  spans.forEach((span, position) => (insertedKeys.delete(spanKey(span)) ? inserted.push(span) : duplicates.push(position)));
  return { inserted, duplicates };
}

/** Puts span_resources ids into SPANS columns, within the current transaction. */
type BindResources = (columns: unknown[][]) => Promise<void>;

/** Of the duplicates, those whose content differs from the stored span (their positions in `spans`). */
async function conflictsOf(client: pg.PoolClient, spans: readonly SpanRecord[], duplicates: number[], bind: BindResources): Promise<number[]> {
  if (duplicates.length === 0) return [];
  const columns = postgresColumns(SPANS, duplicates.map((position) => spans[position]));
  await bind(columns);
  const { rows } = await client.query<{ position: string }>(SPANS_NOT_STORED, columns);
  return rows.map((row) => duplicates[Number(row.position)]);
}

interface WriteOutcome {
  result: WriteResult;
  operationsWritten: OperationSeen[];
  resourcesFound: FoundResourceIds;
}

interface WriterState {
  recentOperations: RecentOperations;
  attributeIndex: PostgresAttributeIndex;
  resources: PostgresSpanResources;
}

async function writeSpans(client: pg.PoolClient, spans: readonly SpanRecord[], { recentOperations, attributeIndex, resources }: WriterState): Promise<WriteOutcome> {
  await client.query(HOLD_SPAN_WRITES_SQL);
  // Key order everywhere, so concurrent writers lock rows in one order.
  const order = spans.map((_, position) => position).sort((a, b) => (spanKey(spans[a]) < spanKey(spans[b]) ? -1 : 1));
  const sorted = order.map((position) => spans[position]);
  // A span twice in the batch is inserted once, its first version: the key would let both
  // in when their starts differ.
  const unique = sorted.filter((span, index) => index === 0 || spanKey(span) !== spanKey(sorted[index - 1]));
  const columns = postgresColumns(SPANS, unique);
  const resourcesFound: FoundResourceIds = new Map();
  const bind: BindResources = (spanColumns) => resources.bind(client, spanColumns, resourcesFound);
  await bind(columns);
  const { rows } = await client.query<{ trace_id: string; span_id: string; kind: number }>(INSERT_SPANS, columns);
  const { inserted, duplicates } = splitInserted(sorted, new Set(rows.map((row) => spanKey({ traceId: row.trace_id, spanId: row.span_id, kind: row.kind }))));
  const conflicts = (await conflictsOf(client, sorted, duplicates, bind)).map((position) => order[position]).sort((a, b) => a - b);
  const result = { inserted: inserted.length, duplicates: duplicates.length, conflicts };
  if (inserted.length === 0) return { result, operationsWritten: [], resourcesFound };

  const { traces, traceServices, operations } = summarizeSpans(inserted);
  const upserted = await client.query<{ trace_id: string; start_time_ns: string; span_count: number }>(UPSERT_TRACES, postgresColumns(TRACES, traces));
  const stored = new Map(upserted.rows.map((row) => [row.trace_id, { startTimeNs: BigInt(row.start_time_ns), spanCount: row.span_count }]));
  const serviceRows = traceServices.map((count) => ({ ...count, traceStartNs: stored.get(count.traceId)!.startTimeNs }));
  await client.query(UPSERT_TRACE_SERVICES, postgresColumns(TRACE_SERVICES, serviceRows));
  const misaligned = traces.filter((trace) => needsStartAlignment(trace, stored.get(trace.traceId)!)).map((trace) => trace.traceId);
  if (misaligned.length > 0) await client.query(ALIGN_TRACE_SERVICE_STARTS, [misaligned]);
  await attributeIndex.add(client, inserted);
  const operationsWritten = recentOperations.toWrite(operations);
  if (operationsWritten.length > 0) await client.query(UPSERT_OPERATIONS, postgresColumns(OPERATIONS, operationsWritten));
  return { result, operationsWritten, resourcesFound };
}

/** Traces before trace_services, the order writeSpans locks them in. */
async function deleteBatch(client: pg.PoolClient, cutoffNs: bigint, batchSize: number): Promise<DeleteResult> {
  const removed = await client.query<CountedSpan>(DELETE_OLD_SPANS, [cutoffNs.toString(), batchSize]);
  if (removed.rows.length === 0) return { spans: 0, traces: 0 };
  const counts = countSpans(removed.rows);
  const traceIds = counts.traces.map((count) => count.traceId);
  await client.query(UNCOUNT_TRACES, [traceIds, counts.traces.map((c) => c.spanCount), counts.traces.map((c) => c.errorCount)]);
  const emptied = await client.query(DELETE_EMPTY_TRACES, [traceIds]);
  const services = counts.traceServices;
  await client.query(UNCOUNT_TRACE_SERVICES, [
    services.map((c) => c.traceId),
    services.map((c) => c.serviceName),
    services.map((c) => c.spanCount),
    services.map((c) => c.errorCount),
  ]);
  await client.query(DELETE_EMPTY_TRACE_SERVICES, [traceIds]);
  return { spans: removed.rows.length, traces: emptied.rowCount ?? 0 };
}

/**
 * The PostgreSQL span store: each call is one transaction of a few set-based
 * statements (unnest arrays), and summaries merge with LEAST/GREATEST/+ under row
 * locks, so several app instances can share one database.
 */
export function createPostgresSpanStore(url: string): SpanStore {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, options: POSTGRES_SESSION_OPTIONS });
  const recentOperations = new RecentOperations();
  const writer: WriterState = { recentOperations, attributeIndex: postgresAttributeIndex(), resources: postgresSpanResources() };
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on("error", (error) => console.error(`[traceboard] idle PostgreSQL connection failed: ${error.message}`));

  return {
    async writeSpans(spans) {
      if (spans.length === 0) return { inserted: 0, duplicates: 0, conflicts: [] };
      return writeInSlices(spans, SPANS_PER_WRITE, async (slice) => {
        const { result, operationsWritten, resourcesFound } = await inTransaction(pool, (client) => writeSpans(client, slice, writer));
        writer.resources.remember(resourcesFound);
        recentOperations.remember(operationsWritten);
        return result;
      });
    },
    async deleteOlderThan(cutoffNs, batchSize = DEFAULT_DELETE_BATCH_SIZE) {
      checkBatchSize(batchSize);
      const dropped = await dropSpansPartitionsBefore(pool, cutoffNs);
      const removed = await deleteInBatches(
        (cutoff, size) => inTransaction(pool, (client) => deleteBatch(client, cutoff, size)),
        cutoffNs,
        batchSize,
      );
      await writer.attributeIndex.deleteOlderThan(pool, cutoffNs);
      await pool.query(DELETE_STALE_OPERATIONS, [cutoffNs.toString()]);
      recentOperations.forget();
      return { spans: dropped.spans + removed.spans, traces: dropped.traces + removed.traces };
    },
    async preparePartitions(fromNs, toNs) {
      return (await createDayPartitions(pool, fromNs, toNs)).length;
    },
    async storageStats() {
      const { rows } = await pool.query<{ spans: string; traces: string; bytes: string }>(COUNT_ROWS);
      return { spans: Number(rows[0].spans), traces: Number(rows[0].traces), bytes: Number(rows[0].bytes) };
    },
    async close() {
      await pool.end();
    },
  };
}
