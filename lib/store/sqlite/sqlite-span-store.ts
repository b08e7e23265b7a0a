import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SpanRecord } from "@/lib/domain/span-record";
import type { PreparedWrite, SpanStore, WriteResult } from "../span-store-contract";
import { writeInSlices } from "../write-in-slices";
import { AttributeIndexer } from "../attributes/attribute-indexer";
import { prepareIndex, type PreparedIndex } from "./sqlite-attribute-index";
import { toSpanRows, type SpanRow } from "./sqlite-writer";
import type { WriterData, WriterMethod, WriterReply, WriterRequest } from "./writer-protocol";

/**
 * The writer thread as plain JavaScript: writer-worker.ts bundled by esbuild at build time
 * (scripts/lib/bundles.mjs; `npm run build`, `npm start` and Vitest's global setup make it),
 * since a Next.js server bundle cannot start a worker from its own chunks. Resolved from the
 * project root: inside a Next.js server bundle `import.meta.url` points into `.next`.
 */
const WORKER_ENTRY = path.join(process.cwd(), "dist/sqlite-writer-worker.mjs");

/**
 * Spans per transaction of a large write: converting and cloning spans for the writer
 * thread costs about 4 µs each here, so 5,000 hold the event loop some 20 ms, while a
 * group commit (2,000 spans on average under bench:ingest) stays one transaction.
 */
const SPANS_PER_WRITE = 5_000;

function workerError(error: Error): Error {
  if (existsSync(WORKER_ENTRY)) return error;
  return new Error(`the SQLite writer thread is not built (${WORKER_ENTRY}): run \`npm run build\``, { cause: error });
}

/** One request's spans as the writer thread takes them. */
interface SqlitePreparedWrite extends PreparedWrite {
  preparedBy: "sqlite";
  rows: SpanRow[];
  index: PreparedIndex;
}

function joinPrepared(prepared: readonly SqlitePreparedWrite[]): { rows: SpanRow[]; index: PreparedIndex } {
  if (prepared.length === 1) return prepared[0];
  return {
    rows: prepared.flatMap((write) => write.rows),
    index: {
      docs: prepared.flatMap((write) => write.index.docs),
      keys: prepared.flatMap((write) => write.index.keys),
      values: prepared.flatMap((write) => write.index.values),
    },
  };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The SQLite span store. Writes run on a writer thread (writer-worker.ts), so parsing
 * and normalizing the next requests overlap with committing the current batch on the
 * second core; spans cross as flat rows. A writer thread that dies fails its pending
 * calls, and the next call starts a new one. The thread keeps the process alive only
 * while a call is pending, so a script that forgets close() still exits.
 */
export function openSqliteSpanStore(filename: string): SpanStore {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  // The attribute index is computed here, from the records, while the writer thread
  // commits the previous write: there it cost the single writer 15 µs a span (parsing the
  // JSON again included), which bench:ingest's end-to-end rate paid in full.
  const indexer = new AttributeIndexer();

  function failAll(error: Error) {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    worker = null;
  }

  function settle(id: number): Pending | undefined {
    const call = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker?.unref();
    return call;
  }

  function startWorker(): Worker {
    const started = new Worker(WORKER_ENTRY, { workerData: { filename } satisfies WriterData });
    started.on("message", (reply: WriterReply) => {
      const call = settle(reply.id);
      if (reply.ok) call?.resolve(reply.value);
      else call?.reject(reply.error);
    });
    started.on("error", (error) => failAll(workerError(error)));
    started.on("exit", (code) => {
      if (worker === started) failAll(new Error(`the SQLite writer thread exited (code ${code})`));
    });
    started.unref();
    return started;
  }

  function call<T>(method: WriterMethod, ...args: unknown[]): Promise<T> {
    worker ??= startWorker();
    const id = (nextId += 1);
    const request: WriterRequest = { id, method, args };
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker!.ref();
      worker!.postMessage(request);
    });
  }

  const prepare = (spans: readonly SpanRecord[]): SqlitePreparedWrite => ({
    preparedBy: "sqlite",
    rows: toSpanRows(spans),
    index: prepareIndex(indexer, spans),
  });

  return {
    // A larger request is prepared slice by slice in writeSpans, between the slices' commits.
    prepareWrite: (spans) => (spans.length <= SPANS_PER_WRITE ? prepare(spans) : undefined),
    async writeSpans(spans, prepared) {
      if (spans.length === 0) return { inserted: 0, duplicates: 0, conflicts: [] };
      if (prepared && spans.length <= SPANS_PER_WRITE && prepared.every((write) => write.preparedBy === "sqlite")) {
        const { rows, index } = joinPrepared(prepared as SqlitePreparedWrite[]);
        return call<WriteResult>("writeRows", rows, index);
      }
      return writeInSlices(spans, SPANS_PER_WRITE, (slice) => {
        const { rows, index } = prepare(slice);
        return call<WriteResult>("writeRows", rows, index);
      });
    },
    deleteOlderThan: (cutoffNs, batchSize) => call("deleteOlderThan", cutoffNs, batchSize),
    storageStats: () => call("storageStats"),
    async close() {
      if (!worker) return;
      await call("close");
      const closing = worker;
      worker = null;
      await closing?.terminate();
    },
  };
}
