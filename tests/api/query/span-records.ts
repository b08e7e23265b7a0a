import type { SpanRecord } from "@/lib/domain/span-record";
import { testSpan } from "../../store/support/test-spans";

export const MS = 1_000_000n;

/** A span record for query tests: an internal span of `web` (unless told) starting at `start`, lasting `durationMs`. */
export function spanRecord(fields: Partial<SpanRecord> & Pick<SpanRecord, "traceId" | "spanId"> & { start: bigint; durationMs?: number }): SpanRecord {
  const { start, durationMs = 1, ...rest } = fields;
  return testSpan({ name: "op", kind: 1, serviceName: "web", startTimeNs: start, endTimeNs: start + BigInt(durationMs) * MS, ...rest });
}
