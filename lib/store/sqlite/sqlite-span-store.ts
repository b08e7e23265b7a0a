import path from "node:path";
import type { SpanStore, WriteResult } from "../span-store-contract";
import { writeInSlices } from "../write-in-slices";
import { toSpanRows } from "./sqlite-writer";
import { threadCalls } from "./thread-calls";
import type { WriterData, WriterMethod } from "./writer-protocol";

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

/**
 * The SQLite span store. Writes run on a writer thread (writer-worker.ts), so parsing
 * and normalizing the next requests overlap with committing the current batch on the
 * second core; spans cross as flat rows (thread-calls.ts: a dead thread fails its
 * pending calls and the next call starts a new one).
 */
export function openSqliteSpanStore(filename: string): SpanStore {
  const thread = threadCalls<WriterMethod>(WORKER_ENTRY, { filename } satisfies WriterData);
  return {
    async writeSpans(spans) {
      if (spans.length === 0) return { inserted: 0, duplicates: 0, conflicts: [] };
      return writeInSlices(spans, SPANS_PER_WRITE, (slice) => thread.call<WriteResult>("writeRows", toSpanRows(slice)));
    },
    deleteOlderThan: (cutoffNs, batchSize) => thread.call("deleteOlderThan", cutoffNs, batchSize),
    storageStats: () => thread.call("storageStats"),
    close: () => thread.close("close"),
  };
}
