/**
 * What an audit event records: the list plus the verbs a team's workflow
 * needs (approvals, permission changes, runs of a job, failures). Stored as text, so
 * adding a name needs no migration; removing one would orphan stored events.
 */
export const AUDIT_ACTIONS = [
  "create",
  "read",
  "update",
  "delete",
  "login",
  "logout",
  "export",
  "import",
  "access_denied",
  "config_change",
  "cleanup",
  "agent_action",
  "permission_change",
  "approve",
  "reject",
  "execute",
  "error",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SEVERITIES = ["debug", "info", "warning", "error", "critical"] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];
