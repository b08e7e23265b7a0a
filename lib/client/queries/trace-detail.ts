"use client";

import { useQuery } from "@tanstack/react-query";
import { CompactTrace } from "@/lib/api/contracts/compact-trace";
import { waterfallFromCompact } from "@/lib/waterfall/from-compact-trace";
import { apiGet } from "../api-client";

export function traceDetailPath(traceId: string): string {
  return `/api/tracing/traces/${encodeURIComponent(traceId)}`;
}

/**
 * One trace laid out for the waterfall, from its compact view
 * (`GET /api/tracing/traces/{traceId}?view=compact`; a selected span's events and links
 * are read when it is selected, see SelectedSpanDetail). The layout is
 * computed once per answer; structural sharing is off because comparing a 50,000-span
 * answer with the previous one costs more than it saves.
 */
export function useTraceDetail(traceId: string) {
  return useQuery({
    queryKey: ["trace-detail", traceId],
    queryFn: async ({ signal }) => waterfallFromCompact(await apiGet(CompactTrace, traceDetailPath(traceId), { view: "compact" }, signal)),
    structuralSharing: false,
    staleTime: 60_000,
  });
}
