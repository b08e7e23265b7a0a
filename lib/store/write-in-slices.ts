import type { SpanRecord } from "@/lib/domain/span-record";
import type { WriteResult } from "./span-store-contract";

/**
 * Spans per transaction of a large write. Turning spans into what a database takes (a
 * writer thread's message, a PostgreSQL statement's parameters) runs on the event loop:
 * 50,000 spans at once held it 200 ms with SQLite and 1.1 s with PostgreSQL here, so
 * 1,000 hold it about 4 and 22 ms. Each slice commits on its own; the write resolves
 * once all have, and a retry after a failure finds the committed slices as duplicates.
 */
export const SPANS_PER_WRITE = 1_000;

/** Writes `spans` a slice at a time, in order; one result, conflict positions counted from the first span. */
export async function writeInSlices(
  spans: readonly SpanRecord[],
  writeSlice: (slice: readonly SpanRecord[]) => Promise<WriteResult>,
): Promise<WriteResult> {
  if (spans.length <= SPANS_PER_WRITE) return writeSlice(spans);
  const merged: WriteResult = { inserted: 0, duplicates: 0, conflicts: [] };
  for (let start = 0; start < spans.length; start += SPANS_PER_WRITE) {
    const result = await writeSlice(spans.slice(start, start + SPANS_PER_WRITE));
    merged.inserted += result.inserted;
    merged.duplicates += result.duplicates;
    for (const position of result.conflicts) merged.conflicts.push(position + start);
  }
  return merged;
}
