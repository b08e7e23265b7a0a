// The SQLite writer thread: owns the ingest connection and answers WriterRequests
// (sqlite-span-store.ts is the other side). Writes are synchronous; a retention run
// yields between its batches, so writes arriving meanwhile go in between, as before.
// Threads start it as dist/sqlite-writer-worker.mjs, bundled at build time (scripts/lib/bundles.mjs).
import { parentPort, workerData } from "node:worker_threads";
import { openSqliteWriter } from "./sqlite-writer";
import type { WriterData, WriterReply, WriterRequest } from "./writer-protocol";

const port = parentPort!;
const writer = openSqliteWriter((workerData as WriterData).filename);

async function answer({ id, method, args }: WriterRequest): Promise<WriterReply> {
  try {
    const value = await (writer[method] as (...a: unknown[]) => unknown)(...args);
    return { id, ok: true, value } as WriterReply;
  } catch (error) {
    // Errors survive the structured clone with their built-in type (RangeError stays one).
    return { id, ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

port.on("message", (request: WriterRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
