import type { SpanRecord } from "@/lib/domain/span-record";

/** Spans by start time; a shared span's halves (same start) client first. */
export function byStartTime(a: SpanRecord, b: SpanRecord): number {
  return a.startTimeNs < b.startTimeNs ? -1 : a.startTimeNs > b.startTimeNs ? 1 : b.kind - a.kind;
}

/** Spans by start time, then by span id: a stable order for listing matched spans. */
export function byStartThenId(a: SpanRecord, b: SpanRecord): number {
  return a.startTimeNs < b.startTimeNs ? -1 : a.startTimeNs > b.startTimeNs ? 1 : a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;
}
