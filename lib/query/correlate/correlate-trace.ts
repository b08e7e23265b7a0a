import "server-only";
import type { z } from "zod";
import type { CorrelateTraceEndpoint } from "@/lib/api/contracts/correlate";
import { countAuditEvents, listAuditEvents, type PageRequest } from "@/lib/audit/list-audit-events";
import { findTraceSummary } from "../traces/trace-summary";

export type TraceCorrelation = z.infer<typeof CorrelateTraceEndpoint.response>;

/** A trace's summary beside its audit events (one page, newest first), and flags saying which of the two exist. */
export async function correlateTrace(traceId: string, page: PageRequest): Promise<TraceCorrelation> {
  const [trace, audit, auditCount] = await Promise.all([
    findTraceSummary(traceId),
    listAuditEvents({ traceId, ...page }),
    countAuditEvents({ traceId }),
  ]);
  return {
    traceId,
    trace,
    auditEvents: audit.events,
    nextCursor: audit.nextCursor,
    trace_found: trace !== null,
    audit_log_count: auditCount,
    has_span_data: (trace?.spanCount ?? 0) > 0,
    has_audit_data: auditCount > 0,
  };
}
