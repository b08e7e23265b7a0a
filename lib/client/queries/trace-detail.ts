"use client";

import { useQuery } from "@tanstack/react-query";
import { TraceDetail } from "@/lib/api/contracts/traces";
import { waterfallFromDetail } from "@/lib/waterfall/from-trace-detail";
import { apiGet } from "../api-client";

export function traceDetailPath(traceId: string): string {
  return `/api/tracing/traces/${encodeURIComponent(traceId)}`;
}

/**
 * One trace laid out for the waterfall (`GET /api/tracing/traces/{traceId}`). The layout is
 * computed once per answer; structural sharing is off because comparing a 50,000-span
 * answer with the previous one costs more than it saves.
 */
export function useTraceDetail(traceId: string) {
  return useQuery({
    queryKey: ["trace-detail", traceId],
    queryFn: async ({ signal }) => waterfallFromDetail(await apiGet(TraceDetail, traceDetailPath(traceId), {}, signal)),
    structuralSharing: false,
    staleTime: 60_000,
  });
}
