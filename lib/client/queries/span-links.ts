"use client";

import { useQuery } from "@tanstack/react-query";
import { SpanLinks } from "@/lib/api/contracts/span-links";
import { apiGet } from "../api-client";

/**
 * A stored span's links resolved, and the spans linking to it
 * (`GET /api/tracing/traces/{traceId}/spans/{spanId}/links`), fetched when `enabled`:
 * the span detail asks when it opens on a stored trace.
 */
export function useSpanLinks(traceId: string, spanId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["span-links", traceId, spanId],
    queryFn: ({ signal }) => apiGet(SpanLinks, `/api/tracing/traces/${encodeURIComponent(traceId)}/spans/${encodeURIComponent(spanId)}/links`, {}, signal),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}
