"use client";

import { useQuery } from "@tanstack/react-query";
import { ListOperationsEndpoint, ListServicesEndpoint } from "@/lib/api/contracts/services";
import { apiGet } from "@/lib/client/api-client";

/** Every service seen, by name. */
export function useServices() {
  return useQuery({
    queryKey: ["services"],
    queryFn: ({ signal }) => apiGet(ListServicesEndpoint.response, ListServicesEndpoint.path, {}, signal),
  });
}

/** The operations (span name and kind) of one service; idle without a service. */
export function useOperations(service: string | null | undefined) {
  return useQuery({
    queryKey: ["services", service, "operations"],
    queryFn: ({ signal }) => apiGet(ListOperationsEndpoint.response, ListOperationsEndpoint.path.replace("{service}", encodeURIComponent(service!)), {}, signal),
    enabled: Boolean(service),
  });
}
