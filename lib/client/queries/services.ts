"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { ListOperationsEndpoint, ListServicesEndpoint } from "@/lib/api/contracts/services";
import { ApiError, apiGet } from "@/lib/client/api-client";

type OperationList = z.output<typeof ListOperationsEndpoint.response>;

/** Service and operation lists change rarely: every page shares them for a minute. */
export const SERVICE_LISTS_STALE_MS = 60_000;

/** The services list query (one definition, so every page caches and refreshes it alike). */
export function servicesQuery() {
  return queryOptions({
    queryKey: ["services"],
    queryFn: ({ signal }) => apiGet(ListServicesEndpoint.response, ListServicesEndpoint.path, {}, signal),
    staleTime: SERVICE_LISTS_STALE_MS,
  });
}

/** The operations query of one service; a service without stored operations (404) simply has none. */
export function operationsQuery(service: string | null | undefined) {
  return queryOptions({
    queryKey: ["services", service ?? "", "operations"],
    queryFn: async ({ signal }): Promise<OperationList> => {
      try {
        return await apiGet(ListOperationsEndpoint.response, ListOperationsEndpoint.path.replace("{service}", encodeURIComponent(service!)), {}, signal);
      } catch (error) {
        // Typed into the URL, or since cleaned up by retention.
        if (error instanceof ApiError && error.status === 404) return { service: service!, operations: [] };
        throw error;
      }
    },
    enabled: Boolean(service),
    staleTime: SERVICE_LISTS_STALE_MS,
  });
}

/** Every service seen, by name. */
export function useServices() {
  return useQuery(servicesQuery());
}

/** The operations (span name and kind) of one service; idle without a service. */
export function useOperations(service: string | null | undefined) {
  return useQuery(operationsQuery(service));
}
