"use client";

import { useQuery } from "@tanstack/react-query";
import { CorrelateTraceEndpoint } from "@/lib/api/contracts/correlate";
import { apiGet } from "../api-client";

const AUDIT_EVENTS_SHOWN = 100;

/** The audit events recorded in one trace (`GET /api/tracing/correlate/{traceId}`), newest first. */
export function useTraceAuditEvents(traceId: string) {
  return useQuery({
    queryKey: ["trace-audit", traceId],
    queryFn: ({ signal }) =>
      apiGet(CorrelateTraceEndpoint.response, `/api/tracing/correlate/${encodeURIComponent(traceId)}`, { limit: AUDIT_EVENTS_SHOWN }, signal),
    retry: false,
  });
}
