"use client";

import { useQuery } from "@tanstack/react-query";
import { SpanDetailAnswer } from "@/lib/api/contracts/span-detail";
import { apiGet } from "../api-client";

/**
 * A stored span with every field (`GET /api/tracing/traces/{traceId}/spans/{spanId}`),
 * fetched when `enabled`: the span detail asks for what the compact trace view left out.
 */
export function useStoredSpan(traceId: string, spanId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["span-detail", traceId, spanId],
    queryFn: ({ signal }) => apiGet(SpanDetailAnswer, `/api/tracing/traces/${encodeURIComponent(traceId)}/spans/${encodeURIComponent(spanId)}`, {}, signal),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}
