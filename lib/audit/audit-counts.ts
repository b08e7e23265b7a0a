import "server-only";
import { countAuditEventsBy, type AuditFilter } from "@/lib/store/audit/audit-reads";
import type { AuditAction, AuditSeverity } from "./audit-enums";

export interface AuditCounts {
  total: number;
  byAction: Array<{ action: AuditAction; count: number }>;
  bySeverity: Array<{ severity: AuditSeverity; count: number }>;
}

const mostFirst = (a: { value: string; count: number }, b: { value: string; count: number }) =>
  b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** Totals by action and by severity of the events matching `filter`, most frequent first (ties by name). */
export async function auditCounts(filter: AuditFilter): Promise<AuditCounts> {
  const [actions, severities] = await Promise.all([countAuditEventsBy(filter, "action"), countAuditEventsBy(filter, "severity")]);
  return {
    total: actions.reduce((sum, { count }) => sum + count, 0),
    byAction: actions.sort(mostFirst).map(({ value, count }) => ({ action: value as AuditAction, count })),
    bySeverity: severities.sort(mostFirst).map(({ value, count }) => ({ severity: value as AuditSeverity, count })),
  };
}
