import type { SpanRecord } from "@/lib/domain/span-record";
import type { PreparedWrite } from "@/lib/store/span-store-contract";
import { IngestError } from "./ingest-errors";

export interface SpanWriter {
  /** Optional work on one request's spans, done when it is queued (see SpanStore.prepareWrite). */
  prepareWrite?(spans: readonly SpanRecord[]): PreparedWrite | undefined;
  /** Commits the spans in one transaction; resolves after the commit. */
  writeSpans(spans: readonly SpanRecord[], prepared?: readonly PreparedWrite[]): Promise<{ inserted: number; duplicates: number; conflicts: number[] }>;
}

export interface IngestQueueOptions {
  maxQueuedSpans: number;
  maxBatchSpans: number;
  /** Seconds a refused client should wait (Retry-After). */
  retryAfterSeconds?: number;
}

export interface IngestCounters {
  /** Spans committed (new rows). */
  accepted: number;
  /** Spans already stored, ignored on a retried batch. */
  duplicates: number;
  /** Of the duplicates, spans whose content differed from the stored one (the first version is kept). */
  conflicts: number;
  /** Spans refused with 503 because the queue was full, the store failed or we were stopping. */
  refused: number;
  /** Spans waiting for a commit right now. */
  queueDepth: number;
  /** Transactions committed. */
  batches: number;
  /** Always 0: a span is either committed or its request fails. */
  dropped: 0;
}

/** What became of one request's spans once committed. */
export interface SubmitResult {
  /** Spans that repeat the ids of a stored span with other content: not stored, the first version is kept. */
  conflicts: number;
}

interface Pending {
  spans: readonly SpanRecord[];
  prepared: PreparedWrite | undefined;
  resolve: (result: SubmitResult) => void;
  reject: (error: unknown) => void;
}

/**
 * A bounded queue in front of the store with group commit: while one transaction
 * runs, requests pile up and the next transaction takes as many of them as fit in a
 * batch. `submit` resolves only after the spans are committed, so a 2xx always means
 * durable; when the queue is full it refuses at once (503) instead of dropping.
 */
export class IngestQueue {
  private readonly pending: Pending[] = [];
  private queued = 0;
  private writing = false;
  private closed = false;
  private idle: Array<() => void> = [];
  private readonly counters: Omit<IngestCounters, "queueDepth" | "dropped"> = {
    accepted: 0,
    duplicates: 0,
    conflicts: 0,
    refused: 0,
    batches: 0,
  };

  constructor(
    private readonly writer: SpanWriter,
    private readonly options: IngestQueueOptions,
  ) {}

  submit(spans: readonly SpanRecord[]): Promise<SubmitResult> {
    if (spans.length === 0) return Promise.resolve({ conflicts: 0 });
    const retryAfter = this.options.retryAfterSeconds ?? 1;
    if (this.closed) return this.refuse(spans, new IngestError(503, "Server is shutting down; retry against another instance", retryAfter));
    if (this.queued + spans.length > this.options.maxQueuedSpans && this.queued > 0) {
      return this.refuse(spans, new IngestError(503, "Ingest queue is full; retry later", retryAfter));
    }
    this.queued += spans.length;
    // Prepared now, while an earlier batch commits: after the commit it would delay the next one.
    const prepared = this.writer.prepareWrite?.(spans);
    const done = new Promise<SubmitResult>((resolve, reject) => this.pending.push({ spans, prepared, resolve, reject }));
    this.schedule();
    return done;
  }

  /** Stops accepting and resolves once everything accepted so far is committed. */
  async close(): Promise<void> {
    this.closed = true;
    await this.drained();
  }

  /** Resolves when nothing is queued or being written. */
  drained(): Promise<void> {
    if (!this.writing && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  stats(): IngestCounters {
    return { ...this.counters, queueDepth: this.queued, dropped: 0 };
  }

  private refuse(spans: readonly SpanRecord[], error: IngestError): Promise<SubmitResult> {
    this.counters.refused += spans.length;
    return Promise.reject(error);
  }

  private schedule(): void {
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    // Let requests already parsed in this tick join the batch.
    setImmediate(() => void this.writeNextBatch());
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    let size = 0;
    while (this.pending.length > 0) {
      const next = this.pending[0];
      if (batch.length > 0 && size + next.spans.length > this.options.maxBatchSpans) break;
      batch.push(this.pending.shift()!);
      size += next.spans.length;
    }
    return batch;
  }

  private async writeNextBatch(): Promise<void> {
    const batch = this.takeBatch();
    const spans = batch.flatMap((item) => item.spans);
    try {
      if (!(await this.commit(batch))) {
        // One request's bad row must not fail the others: commit each on its own.
        for (const item of batch.length > 1 ? batch : []) await this.commit([item]);
      }
    } finally {
      this.queued -= spans.length;
      this.writing = false;
      if (this.pending.length > 0) this.schedule();
      else this.idle.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Commits the requests' spans in one transaction; on failure rejects them only when alone. */
  private async commit(requests: Pending[]): Promise<boolean> {
    const spans = requests.flatMap((item) => item.spans);
    try {
      const prepared = requests.map((item) => item.prepared);
      const result = await this.writer.writeSpans(spans, prepared.every((item) => item !== undefined) ? prepared : undefined);
      this.counters.accepted += result.inserted;
      this.counters.duplicates += result.duplicates;
      this.counters.conflicts += result.conflicts.length;
      this.counters.batches += 1;
      resolveEach(requests, result.conflicts);
      return true;
    } catch (error) {
      if (requests.length > 1) return false;
      this.counters.refused += spans.length;
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      console.error(`[traceboard] writing ${spans.length} spans failed: ${reason}`);
      requests[0].reject(new IngestError(503, "Storage is unavailable; retry later", this.options.retryAfterSeconds ?? 1));
      return false;
    }
  }
}

/** Resolves each request with its share of the batch's conflicts (positions in the requests' spans laid end to end). */
function resolveEach(requests: readonly Pending[], conflicts: readonly number[]): void {
  let start = 0;
  let next = 0;
  for (const request of requests) {
    const end = start + request.spans.length;
    let count = 0;
    while (next < conflicts.length && conflicts[next] < end) {
      count += 1;
      next += 1;
    }
    request.resolve({ conflicts: count });
    start = end;
  }
}
