import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SpanRecord } from "@/lib/domain/span-record";
import { DEFAULT_DELETE_BATCH_SIZE, deleteInBatches } from "../delete-in-batches";
import type { DeleteResult, StorageStats, WriteResult } from "../span-store-contract";
import { RecentOperations } from "../recent-operations";
import { resourceAttributesJson, type FoundResourceIds, type ResourceKey } from "../span-resources";
import { needsStartAlignment, OPERATIONS, SPAN_RESOURCE_COLUMN, SPANS, TRACE_SERVICES, TRACES, type SqlValue } from "../table-writes";
import { countSpans, summarizeSpans, type CountedSpan, type SummarizedSpan } from "../trace-summary";
import type Database from "better-sqlite3";
import { z } from "zod";
import { openIngestConnection } from "./ingest-connection";
import { openSqliteAttributeIndex, type IndexedSpanText, type PreparedIndex } from "./sqlite-attribute-index";
import { sqliteInsert, sqliteSameRow } from "./sqlite-insert";
import { openSqliteSpanResources } from "./sqlite-span-resources";

function fileSize(filename: string): number {
  return existsSync(filename) ? statSync(filename).size : 0;
}

/** Positions in a SPANS row of the fields the summaries need. */
const ROW = {
  traceId: 0,
  spanId: 1,
  kind: 2,
  parentSpanId: 3,
  name: 4,
  serviceName: 5,
  startTimeNs: 6,
  endTimeNs: 7,
  statusCode: 9,
  attributes: 11,
  resource: SPAN_RESOURCE_COLUMN,
  links: 14,
} as const;

/** A span row (SPANS.values), as it crosses to the writer thread: flat values clone several times cheaper than records. */
export type SpanRow = SqlValue[];

export function toSpanRows(spans: readonly SpanRecord[]): SpanRow[] {
  return spans.map((span) => SPANS.values(span));
}

function summarizedSpan(row: SpanRow): SummarizedSpan {
  return {
    traceId: row[ROW.traceId] as string,
    spanId: row[ROW.spanId] as string,
    kind: row[ROW.kind] as SummarizedSpan["kind"],
    parentSpanId: row[ROW.parentSpanId] as string | null,
    name: row[ROW.name] as string,
    serviceName: row[ROW.serviceName] as string,
    startTimeNs: row[ROW.startTimeNs] as bigint,
    endTimeNs: row[ROW.endTimeNs] as bigint,
    statusCode: row[ROW.statusCode] as SummarizedSpan["statusCode"],
  };
}

function indexedSpan(row: SpanRow): IndexedSpanText {
  return {
    traceId: row[ROW.traceId] as string,
    serviceName: row[ROW.serviceName] as string,
    startTimeNs: row[ROW.startTimeNs] as bigint,
    attributesJson: row[ROW.attributes] as string,
    linksJson: row[ROW.links] as string,
    resourceAttributesJson: resourceAttributesJson(row[ROW.resource] as ResourceKey),
  };
}

/** How often the checkpointer thread copies the WAL into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;
const CHECKPOINT_ENTRY = path.join(process.cwd(), "lib/store/sqlite/checkpoint-worker.mjs");
/**
 * The WAL size the store keeps to (TRACEBOARD_SQLITE_WAL_LIMIT_BYTES, 64 MiB by default).
 * Above it the checkpointer starts the log over and truncates it as soon as no
 * transaction is in the way (checkpoint-worker.mjs); when the writer is idle it does so
 * at any size. The writer's own restarts of the log shrink the file to it as well.
 */
function walLimitBytes(): number {
  return z.coerce.number().int().min(1024 * 1024).default(64 * 1024 * 1024).parse(process.env.TRACEBOARD_SQLITE_WAL_LIMIT_BYTES || undefined);
}

/**
 * At this multiple of the limit the checkpointer has fallen behind the writer (page
 * copies slower than commits): the writer then checkpoints and truncates the WAL itself
 * before its next write, so ingest slows to what the disk takes instead of the WAL growing.
 */
const WAL_BEHIND_FACTOR = 2;

/** Hands WAL checkpoints to their own thread; the caller's connection must not checkpoint by itself. */
function startCheckpointer(db: Database.Database, filename: string, walLimit: number): Worker {
  db.pragma("wal_autocheckpoint = 0");
  db.pragma(`journal_size_limit = ${walLimit}`);
  const workerData = { filename, intervalMs: CHECKPOINT_INTERVAL_MS, walLimitBytes: walLimit };
  const checkpointer = new Worker(CHECKPOINT_ENTRY, { workerData });
  checkpointer.unref();
  return checkpointer;
}

export interface SqliteWriter {
  /** `index`, when given, was prepared from these rows' spans; it is used only if every row is new. */
  writeRows(rows: readonly SpanRow[], index?: PreparedIndex): WriteResult;
  deleteOlderThan(cutoffNs: bigint, batchSize?: number): Promise<DeleteResult>;
  storageStats(): StorageStats;
  close(): Promise<void>;
}

/**
 * The SQLite write side: raw prepared statements on a dedicated better-sqlite3
 * connection (Prisma's createMany is several times slower), one IMMEDIATE transaction
 * per write so a concurrent writer waits at BEGIN instead of failing mid-way. It runs
 * on the writer thread (sqlite-span-store.ts), so its synchronous work never stalls
 * the thread that parses requests, and it leaves WAL checkpoints to a thread of their
 * own (checkpoint-worker.mjs), so no commit waits for one.
 */
export function openSqliteWriter(filename: string): SqliteWriter {
  const db = openIngestConnection(filename);
  const walLimit = walLimitBytes();
  const checkpointer = startCheckpointer(db, filename, walLimit);

  const recentOperations = new RecentOperations();
  const insertSpan = db.prepare(sqliteInsert(SPANS));
  const sameSpan = db.prepare(sqliteSameRow(SPANS)).pluck();
  const upsertTrace = db.prepare(sqliteInsert(TRACES, "RETURNING start_time_ns AS startTimeNs, span_count AS spanCount")).safeIntegers(true);
  const upsertTraceService = db.prepare(sqliteInsert(TRACE_SERVICES));
  const alignTraceServiceStarts = db.prepare("UPDATE trace_services SET start_time_ns = ? WHERE trace_id = ? AND start_time_ns <> ?");
  const upsertOperation = db.prepare(sqliteInsert(OPERATIONS));
  const attributeIndex = openSqliteAttributeIndex(db);
  const resources = openSqliteSpanResources(db);

  const write = db.transaction((rows: readonly SpanRow[], index: PreparedIndex | undefined, resourcesFound: FoundResourceIds) => {
    const inserted: SummarizedSpan[] = [];
    const insertedRows: SpanRow[] = [];
    const conflicts: number[] = [];
    // A duplicate (a retry, or a Zipkin half sent twice) is checked against the stored row only when it collides.
    rows.forEach((row, position) => {
      const stored = resources.bind(row, resourcesFound);
      if (insertSpan.run(stored).changes > 0) {
        inserted.push(summarizedSpan(row));
        insertedRows.push(row);
      } else if (sameSpan.get(stored) === undefined) conflicts.push(position);
    });
    if (index && insertedRows.length === rows.length) attributeIndex.addPrepared(index);
    else attributeIndex.add(insertedRows.map(indexedSpan));
    const { traces, traceServices, operations } = summarizeSpans(inserted);
    const traceStarts = new Map<string, bigint>();
    for (const trace of traces) {
      const upserted = upsertTrace.get(TRACES.values(trace)) as { startTimeNs: bigint; spanCount: bigint };
      traceStarts.set(trace.traceId, upserted.startTimeNs);
      if (needsStartAlignment(trace, { startTimeNs: upserted.startTimeNs, spanCount: Number(upserted.spanCount) })) {
        alignTraceServiceStarts.run(upserted.startTimeNs, trace.traceId, upserted.startTimeNs);
      }
    }
    for (const count of traceServices) {
      upsertTraceService.run(TRACE_SERVICES.values({ ...count, traceStartNs: traceStarts.get(count.traceId)! }));
    }
    const operationsWritten = recentOperations.toWrite(operations);
    for (const operation of operationsWritten) upsertOperation.run(OPERATIONS.values(operation));
    const result: WriteResult = { inserted: inserted.length, duplicates: rows.length - inserted.length, conflicts };
    return { result, operationsWritten };
  });

  const deleteOldSpans = db.prepare(`DELETE FROM spans WHERE rowid IN
    (SELECT rowid FROM spans WHERE start_time_ns < ? ORDER BY start_time_ns LIMIT ?)
    RETURNING trace_id AS traceId, service_name AS serviceName, status_code AS statusCode`);
  const uncountTrace = db.prepare("UPDATE traces SET span_count = span_count - ?, error_count = error_count - ? WHERE trace_id = ?");
  const deleteEmptyTrace = db.prepare("DELETE FROM traces WHERE trace_id = ? AND span_count <= 0");
  const uncountTraceService = db.prepare(
    "UPDATE trace_services SET span_count = span_count - ?, error_count = error_count - ? WHERE trace_id = ? AND service_name = ?",
  );
  const deleteEmptyTraceService = db.prepare("DELETE FROM trace_services WHERE trace_id = ? AND service_name = ? AND span_count <= 0");
  const deleteStaleOperations = db.prepare("DELETE FROM operations WHERE last_seen_ns < ?");

  const deleteBatch = db.transaction((cutoffNs: bigint, batchSize: number): DeleteResult => {
    const removed = deleteOldSpans.all(cutoffNs, batchSize) as CountedSpan[];
    const counts = countSpans(removed);
    for (const { traceId, serviceName, spanCount, errorCount } of counts.traceServices) {
      uncountTraceService.run(spanCount, errorCount, traceId, serviceName);
      deleteEmptyTraceService.run(traceId, serviceName);
    }
    let traces = 0;
    for (const { traceId, spanCount, errorCount } of counts.traces) {
      uncountTrace.run(spanCount, errorCount, traceId);
      traces += deleteEmptyTrace.run(traceId).changes;
    }
    return { spans: removed.length, traces };
  });

  const countRows = db.prepare("SELECT (SELECT count(*) FROM spans) AS spans, (SELECT count(*) FROM traces) AS traces");

  return {
    writeRows(rows, index) {
      if (rows.length === 0) return { inserted: 0, duplicates: 0, conflicts: [] };
      if (fileSize(`${filename}-wal`) > walLimit * WAL_BEHIND_FACTOR) db.pragma("wal_checkpoint(TRUNCATE)");
      const resourcesFound: FoundResourceIds = new Map();
      const { result, operationsWritten } = write.immediate(rows, index, resourcesFound);
      resources.remember(resourcesFound);
      recentOperations.remember(operationsWritten);
      return result;
    },
    async deleteOlderThan(cutoffNs, batchSize = DEFAULT_DELETE_BATCH_SIZE) {
      const removed = await deleteInBatches((cutoff, size) => deleteBatch.immediate(cutoff, size), cutoffNs, batchSize);
      attributeIndex.deleteOlderThan(cutoffNs);
      deleteStaleOperations.run(cutoffNs);
      recentOperations.forget();
      return removed;
    },
    storageStats() {
      const counts = countRows.get() as { spans: number; traces: number };
      return { ...counts, bytes: fileSize(filename) + fileSize(`${filename}-wal`) };
    },
    async close() {
      await checkpointer.terminate();
      db.close();
    },
  };
}
