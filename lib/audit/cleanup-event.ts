import "server-only";
import type { AuditEvent } from "@/lib/api/contracts/audit";
import type { RetentionResult } from "@/lib/collector/retention/run-retention";
import { recordAuditEvent } from "./record-audit-event";
import type { RequestIdentity } from "./request-identity";

/** `api`: POST /api/tracing/cleanup; `schedule`: the periodic retention of a server process. */
export type CleanupTrigger = "api" | "schedule";

/** Records a retention run in the audit trail, with what it removed and who asked. */
export function recordCleanup(result: RetentionResult, trigger: CleanupTrigger, caller?: RequestIdentity): Promise<AuditEvent> {
  return recordAuditEvent({
    action: "cleanup",
    severity: "info",
    resourceType: "spans",
    description: `Removed ${result.deletedSpans} spans and ${result.deletedTraces} traces that started before ${result.cutoff}`,
    metadata: { trigger, ...result },
    ...caller,
  });
}
