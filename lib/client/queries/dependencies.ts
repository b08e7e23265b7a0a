"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { GetDependenciesEndpoint } from "@/lib/api/contracts/dependencies";
import { apiGet } from "@/lib/client/api-client";
import { rangeKey, type TimeRange } from "@/lib/ui/time-range";
import { windowParams } from "./window-params";

/** The service graph (nodes with span counts, edges with calls and errors) of a window. */
export function useDependencies(range: TimeRange) {
  return useQuery({
    queryKey: ["dependencies", rangeKey(range)],
    queryFn: ({ signal }) => apiGet(GetDependenciesEndpoint.response, GetDependenciesEndpoint.path, windowParams(range), signal),
    placeholderData: keepPreviousData,
  });
}
