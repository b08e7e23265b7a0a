"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ListAuditEventsEndpoint, VerifyAuditChainEndpoint } from "@/lib/api/contracts/audit";
import { apiGet } from "@/lib/client/api-client";
import { rangeKey, type TimeRange } from "@/lib/ui/time-range";
import { windowParams } from "./window-params";

/** Filters of the audit list as query parameters (empty values are left out). */
export type AuditFilters = Partial<Record<"action" | "severity" | "userId" | "resourceType" | "resourceId" | "sessionId" | "engagementId" | "traceId", string>>;

const PAGE_SIZE = 50;

/** Audit events newest first, one cursor page at a time; `range` null means all time. */
export function useAuditEvents(filters: AuditFilters, range: TimeRange | null) {
  return useInfiniteQuery({
    queryKey: ["audit", "events", filters, range && rangeKey(range)],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiGet(ListAuditEventsEndpoint.response, ListAuditEventsEndpoint.path, { ...filters, ...windowParams(range), limit: PAGE_SIZE, cursor: pageParam }, signal),
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The hash chain's verification (walks the whole chain on the server). */
export function useAuditChainStatus() {
  return useQuery({
    queryKey: ["audit", "verify"],
    queryFn: ({ signal }) => apiGet(VerifyAuditChainEndpoint.response, VerifyAuditChainEndpoint.path, {}, signal),
  });
}
