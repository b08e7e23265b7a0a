"use client";

import { useQuery } from "@tanstack/react-query";
import { ListAttributeKeysEndpoint, ListAttributeValuesEndpoint } from "@/lib/api/contracts/attributes";
import { apiGet } from "@/lib/client/api-client";

/** Keys and values change slowly: the editor shares them for a minute. */
const ATTRIBUTE_LISTS_STALE_MS = 60_000;
/** Keys listed for autocomplete (of the last day, most used first); typing filters them in the browser. */
const KEYS_LISTED = 500;
/** Values of one key listed for autocomplete; the typed prefix narrows them on the server past that. */
const VALUES_LISTED = 200;

/** Attribute keys of both scopes, for the query editor; idle until `enabled`. */
export function useAttributeKeys(enabled: boolean) {
  return useQuery({
    queryKey: ["attributes", "keys"],
    queryFn: ({ signal }) => apiGet(ListAttributeKeysEndpoint.response, ListAttributeKeysEndpoint.path, { limit: KEYS_LISTED }, signal),
    enabled,
    staleTime: ATTRIBUTE_LISTS_STALE_MS,
  });
}

/** Stored values of one key (either scope when none is given), narrowed by `prefix`; idle without a key. */
export function useAttributeValues(lookup: { key: string; scope?: "span" | "resource"; prefix: string } | null) {
  return useQuery({
    queryKey: ["attributes", "values", lookup?.key ?? "", lookup?.scope ?? "", lookup?.prefix ?? ""],
    queryFn: ({ signal }) =>
      apiGet(
        ListAttributeValuesEndpoint.response,
        ListAttributeValuesEndpoint.path.replace("{key}", encodeURIComponent(lookup!.key)),
        { scope: lookup!.scope, prefix: lookup!.prefix, limit: VALUES_LISTED },
        signal,
      ),
    enabled: lookup !== null,
    staleTime: ATTRIBUTE_LISTS_STALE_MS,
    // While a longer prefix loads, the values of the same key stay listed (never another key's).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === lookup?.key ? previous : undefined),
  });
}
