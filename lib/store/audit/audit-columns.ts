import type { AuditEventRow } from "./audit-writer-contract";

/** The audit_events column of each row field, in insert order. */
export const AUDIT_COLUMNS: Readonly<Record<keyof AuditEventRow, string>> = {
  seq: "seq",
  timestampNs: "timestamp_ns",
  action: "action",
  severity: "severity",
  resourceType: "resource_type",
  resourceId: "resource_id",
  description: "description",
  userId: "user_id",
  sessionId: "session_id",
  engagementId: "engagement_id",
  ipAddress: "ip_address",
  userAgent: "user_agent",
  before: "before",
  after: "after",
  metadata: "metadata",
  traceId: "trace_id",
  spanId: "span_id",
  prevHash: "prev_hash",
  hash: "hash",
};

export const AUDIT_FIELDS = Object.keys(AUDIT_COLUMNS) as Array<keyof AuditEventRow>;

/** `INSERT INTO audit_events (...) VALUES (...)` with `placeholder(field, index)` for each value. */
export function auditInsert(placeholder: (field: string, index: number) => string): string {
  return `INSERT INTO audit_events (${Object.values(AUDIT_COLUMNS).join(", ")}) VALUES (${AUDIT_FIELDS.map(placeholder).join(", ")})`;
}
