import type { SpanRecord } from "@/lib/domain/span-record";

export interface WriteResult {
  inserted: number;
  /** Spans whose key (trace, span, kind) was stored already; they are ignored. */
  duplicates: number;
  /**
   * Of the duplicates, the positions (in the written list) of those whose content differs
   * from the stored span: the first version is kept, and the sender is told.
   */
  conflicts: number[];
}

export interface DeleteResult {
  spans: number;
  traces: number;
}

export interface StorageStats {
  spans: number;
  traces: number;
  bytes: number;
}

/** What a store's `prepareWrite` made of one request's spans; only that store reads it. */
export interface PreparedWrite {
  readonly preparedBy: string;
}

/** The write and retention side of the store, used by the collector. */
export interface SpanStore {
  /**
   * Optional: turns one request's spans into what `writeSpans` sends to the database,
   * called as the request is queued, so this work overlaps the commit in progress
   * instead of following it. Undefined when the store would rather do it in writeSpans
   * (a request too large to prepare in one go without stalling the event loop).
   */
  prepareWrite?(spans: readonly SpanRecord[]): PreparedWrite | undefined;
  /**
   * One transaction; rows whose (traceId, spanId, kind) exist are ignored; summaries
   * updated only by the rows actually inserted. Resolves after commit. `prepared`, when
   * given, holds `prepareWrite`'s result for each request whose spans `spans` lays end to end.
   */
  writeSpans(spans: readonly SpanRecord[], prepared?: readonly PreparedWrite[]): Promise<WriteResult>;
  /**
   * Deletes spans that started before `cutoffNs`, `batchSize` per transaction so
   * ingest keeps flowing. Summaries lose the deleted spans' counts; a trace summary
   * whose spans are all gone is deleted (and counted), and so are operations not
   * seen since the cutoff.
   */
  deleteOlderThan(cutoffNs: bigint, batchSize?: number): Promise<DeleteResult>;
  /**
   * Optional (PostgreSQL, whose spans are partitioned by day): makes sure a partition
   * exists for every day overlapping [fromNs, toNs), so the spans of those days do not
   * land in the catch-all DEFAULT partition. Resolves to the partitions created.
   */
  preparePartitions?(fromNs: bigint, toNs: bigint): Promise<number>;
  /** Table row counts and on-disk size in bytes, for statistics. */
  storageStats(): Promise<StorageStats>;
  close(): Promise<void>;
}
