import { existsSync } from "node:fs";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { SpanStore, WriteResult } from "../span-store-contract";
import { toSpanRows } from "./sqlite-writer";
import type { WriterData, WriterMethod, WriterReply, WriterRequest } from "./writer-protocol";

/**
 * The writer thread as plain JavaScript: writer-worker.ts bundled by esbuild at build time
 * (scripts/lib/bundles.mjs; `npm run build`, `npm start` and Vitest's global setup make it),
 * since a Next.js server bundle cannot start a worker from its own chunks. Resolved from the
 * project root: inside a Next.js server bundle `import.meta.url` points into `.next`.
 */
const WORKER_ENTRY = path.join(process.cwd(), "dist/sqlite-writer-worker.mjs");

/**
 * Spans per message to the writer thread, each written in a transaction of its own.
 * Converting and cloning 2,000 spans takes about 6 ms here, so the event loop keeps
 * answering while a 50,000-span request goes over; the request is answered once every
 * message is committed, and a retry after a failure finds the committed ones as duplicates.
 */
const SPANS_PER_WRITE = 2_000;

/** One result for the messages of one write, conflict positions counted from the first span. */
function mergeWriteResults(results: readonly WriteResult[]): WriteResult {
  return {
    inserted: results.reduce((sum, result) => sum + result.inserted, 0),
    duplicates: results.reduce((sum, result) => sum + result.duplicates, 0),
    conflicts: results.flatMap((result, i) => result.conflicts.map((position) => position + i * SPANS_PER_WRITE)),
  };
}

function workerError(error: Error): Error {
  if (existsSync(WORKER_ENTRY)) return error;
  return new Error(`the SQLite writer thread is not built (${WORKER_ENTRY}): run \`npm run build\``, { cause: error });
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

  return {
    async writeSpans(spans) {
      if (spans.length === 0) return { inserted: 0, duplicates: 0, conflicts: [] };
      const writes: Promise<WriteResult>[] = [];
      for (let start = 0; start < spans.length; start += SPANS_PER_WRITE) {
        if (start > 0) await nextTurn();
        const write = call<WriteResult>("writeRows", toSpanRows(spans.slice(start, start + SPANS_PER_WRITE)));
        // Promise.all below reports a failure; until then it must not count as unhandled.
        write.catch(() => undefined);
        writes.push(write);
      }
      return writes.length === 1 ? writes[0] : mergeWriteResults(await Promise.all(writes));
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
