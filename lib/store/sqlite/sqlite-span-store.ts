import path from "node:path";
import type { SpanRecord } from "@/lib/domain/span-record";
import { AttributeIndexer } from "../attributes/attribute-indexer";
import type { PreparedWrite, SpanStore, WriteResult } from "../span-store-contract";
import { writeInSlices } from "../write-in-slices";
import { prepareIndex, type PreparedIndex } from "./sqlite-attribute-index";
import { toSpanRows, type SpanRow } from "./sqlite-writer";
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

/**
 * The SQLite span store. Writes run on a writer thread (writer-worker.ts), so parsing
 * and normalizing the next requests overlap with committing the current batch on the
 * second core; spans cross as flat rows (thread-calls.ts: a dead thread fails its
 * pending calls and the next call starts a new one).
 */
export function openSqliteSpanStore(filename: string): SpanStore {
  const thread = threadCalls<WriterMethod>(WORKER_ENTRY, { filename } satisfies WriterData);
  // The attribute index is computed here, from the records, while the writer thread
  // commits the previous write: there it cost the single writer 15 µs a span (parsing the
  // JSON again included), which bench:ingest's end-to-end rate paid in full.
  const indexer = new AttributeIndexer();
  const prepare = (spans: readonly SpanRecord[]): SqlitePreparedWrite => ({
    preparedBy: "sqlite",
    rows: toSpanRows(spans),
    index: prepareIndex(indexer, spans),
  });
  const writeRows = ({ rows, index }: { rows: SpanRow[]; index: PreparedIndex }) => thread.call<WriteResult>("writeRows", rows, index);

  return {
    // A larger request is prepared slice by slice in writeSpans, between the slices' commits.
    prepareWrite: (spans) => (spans.length <= SPANS_PER_WRITE ? prepare(spans) : undefined),
    async writeSpans(spans, prepared) {
      if (spans.length === 0) return { inserted: 0, duplicates: 0, conflicts: [] };
      if (prepared && spans.length <= SPANS_PER_WRITE && prepared.every((write) => write.preparedBy === "sqlite")) {
        return writeRows(joinPrepared(prepared as SqlitePreparedWrite[]));
      }
      return writeInSlices(spans, SPANS_PER_WRITE, (slice) => writeRows(prepare(slice)));
    },
    deleteOlderThan: (cutoffNs, batchSize) => thread.call("deleteOlderThan", cutoffNs, batchSize),
    storageStats: () => thread.call("storageStats"),
    close: () => thread.close("close"),
  };
}
