import type { SqliteWriter } from "./sqlite-writer";

/** The writer methods callable across the thread boundary. */
export type WriterMethod = "writeRows" | "deleteOlderThan" | "storageStats" | "close";

export interface WriterRequest {
  id: number;
  method: WriterMethod;
  args: unknown[];
}

export type WriterReply =
  | { id: number; ok: true; value: Awaited<ReturnType<SqliteWriter[WriterMethod]>> }
  | { id: number; ok: false; error: Error };

export interface WriterData {
  filename: string;
}
