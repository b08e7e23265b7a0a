import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/client/api-client";

const apiGet = vi.hoisted(() => vi.fn());
vi.mock("@/lib/client/api-client", async (original) => ({ ...(await original<typeof import("@/lib/client/api-client")>()), apiGet }));

const { operationsQuery, servicesQuery, SERVICE_LISTS_STALE_MS } = await import("@/lib/client/queries/services");

afterEach(() => apiGet.mockReset());

describe("service list queries", () => {
  it("are_defined_once_whatever_page_imports_them", async () => {
    const traces = await import("@/lib/client/queries/traces");
    expect(Object.keys(traces)).not.toContain("useServices");
    expect(Object.keys(traces)).not.toContain("useOperations");
  });

  it("share_one_stale_time", () => {
    expect(servicesQuery().staleTime).toBe(SERVICE_LISTS_STALE_MS);
    expect(operationsQuery("checkout").staleTime).toBe(SERVICE_LISTS_STALE_MS);
  });

  it("operations_of_an_unknown_service_are_an_empty_list", async () => {
    apiGet.mockRejectedValue(new ApiError(404, "no such service"));
    const answer = await new QueryClient().fetchQuery(operationsQuery("gone"));
    expect(answer).toEqual({ service: "gone", operations: [] });
    expect(apiGet.mock.calls[0][1]).toBe("/api/tracing/services/gone/operations");
  });

  it("other_errors_still_fail", async () => {
    apiGet.mockRejectedValue(new ApiError(500, "boom"));
    await expect(new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(operationsQuery("checkout"))).rejects.toThrow("boom");
  });

  it("is_idle_without_a_service", () => {
    expect(operationsQuery("").enabled).toBe(false);
    expect(operationsQuery(null).enabled).toBe(false);
  });
});
