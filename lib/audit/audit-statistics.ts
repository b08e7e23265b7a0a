import "server-only";
import { countAuditEventsPerDay } from "@/lib/store/audit/audit-reads";
import { auditCounts, type AuditCounts } from "./audit-counts";

const MILLIS_PER_DAY = 86_400_000;

export interface AuditStatistics extends AuditCounts {
  perDay: Array<{ day: string; count: number }>;
}

/** Counts by action, by severity and per UTC day of the events within [start, end] (unix ns; unbounded when absent). */
export async function auditStatistics(window: { start?: bigint; end?: bigint }): Promise<AuditStatistics> {
  const [counts, days] = await Promise.all([auditCounts(window), countAuditEventsPerDay(window.start, window.end)]);
  return {
    ...counts,
    perDay: days.map(({ day, count }) => ({ day: new Date(day * MILLIS_PER_DAY).toISOString().slice(0, 10), count })),
  };
}
