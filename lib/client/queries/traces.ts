"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { SearchTracesEndpoint } from "@/lib/api/contracts/traces";
import { apiGet, type QueryParams } from "@/lib/client/api-client";
import { activeQuery, excludedServices, searchWindow, type TraceSearch } from "@/lib/ui/traces/trace-search";
import { formatTag } from "@/lib/ui/traces/tag-input";

type SearchAnswer = z.output<typeof SearchTracesEndpoint.response>;

/** The window a search covers, fixed when its first page is fetched so later pages page the same window. */
export interface SearchWindow {
  startMs: number;
  endMs: number;
}

export type TraceSearchPage = SearchAnswer & { requestWindow: SearchWindow };

/** The query string of `GET /api/tracing/traces` for a search, a window and a page. */
export function traceSearchParams(search: TraceSearch, window: SearchWindow, cursor?: string): QueryParams {
  // A TraceQL query replaces the form's filters (the API refuses both); an empty one finds every trace.
  if (search.mode === "traceql") return { q: activeQuery(search), start: window.startMs, end: window.endMs, limit: search.limit, cursor, excludeService: excludedServices(search) };
  return {
    service: search.service,
    operation: search.service ? search.operation : undefined,
    // One logfmt pair per parameter, quoted as the API's `tags` grammar needs.
    tags: search.tags.map(formatTag),
    minDuration: search.minDuration.trim(),
    maxDuration: search.maxDuration.trim(),
    spanDuration: search.spanDuration ? "true" : undefined,
    start: window.startMs,
    end: window.endMs,
    limit: search.limit,
    cursor,
    excludeService: excludedServices(search),
  };
}

export const traceSearchKey = (search: TraceSearch) => ["traces", "search", search] as const;

/** A trace search, page by page with the API's cursor ("load more"). */
export function useTraceSearch(search: TraceSearch) {
  return useInfiniteQuery({
    queryKey: traceSearchKey(search),
    initialPageParam: null as { cursor: string; window: SearchWindow } | null,
    queryFn: async ({ pageParam, signal }): Promise<TraceSearchPage> => {
      const window = pageParam?.window ?? searchWindow(search, Date.now());
      const answer = await apiGet(SearchTracesEndpoint.response, "/api/tracing/traces", traceSearchParams(search, window, pageParam?.cursor), signal);
      return { ...answer, requestWindow: window };
    },
    getNextPageParam: (last) => (last.nextCursor ? { cursor: last.nextCursor, window: last.requestWindow } : undefined),
  });
}
