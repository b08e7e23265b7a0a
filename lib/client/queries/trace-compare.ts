"use client";

import { useQuery } from "@tanstack/react-query";
import { CompareTracesResult } from "@/lib/api/contracts/compare";
import { SearchTracesEndpoint } from "@/lib/api/contracts/traces";
import { apiGet } from "../api-client";

/**
 * Trace `a` against trace `b` (`GET /api/tracing/compare`). Structural sharing is off: a
 * comparison of 10,000-span traces is compared with the previous answer for nothing. A 404
 * (a trace not stored) is not retried.
 */
export function useTraceComparison(a: string, b: string) {
  return useQuery({
    queryKey: ["trace-compare", a, b],
    queryFn: ({ signal }) => apiGet(CompareTracesResult, "/api/tracing/compare", { a, b }, signal),
    structuralSharing: false,
    staleTime: 60_000,
    retry: false,
  });
}

const RECENT_LIMIT = 10;
const RECENT_WINDOW_MS = 24 * 3_600_000;

/**
 * The latest traces (of the last day) with a span of `service` named `operation`: other
 * runs of the same request, the traces one usually compares a trace with. Fetched when
 * `enabled` (the "Compare with" panel is open).
 */
export function useSimilarTraces(service: string, operation: string, enabled: boolean) {
  return useQuery({
    queryKey: ["similar-traces", service, operation],
    queryFn: ({ signal }) => {
      const now = Date.now();
      return apiGet(SearchTracesEndpoint.response, "/api/tracing/traces", { service, operation, start: now - RECENT_WINDOW_MS, end: now, limit: RECENT_LIMIT }, signal);
    },
    enabled,
    staleTime: 30_000,
  });
}
