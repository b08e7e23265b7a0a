"use client";

import { useMemo } from "react";
import { completionContext } from "@/lib/query/traceql";
import { useAttributeKeys, useAttributeValues } from "@/lib/client/queries/attributes";
import { suggestionsFor, valueLookup } from "@/lib/ui/traces/traceql-suggestions";

/** What the query editor offers at `cursor`: the context there and its list, with keys and values from the attribute index (fetched once `enabled`). */
export function useTraceQLSuggestions(text: string, cursor: number, enabled: boolean) {
  const context = useMemo(() => completionContext(text, cursor), [text, cursor]);
  const keys = useAttributeKeys(enabled);
  const lookup = enabled ? valueLookup(context) : null;
  const values = useAttributeValues(lookup && { ...lookup, prefix: context.kind === "value" ? context.prefix : "" });
  const items = useMemo(() => suggestionsFor(context, keys.data?.keys ?? [], values.data?.values ?? []), [context, keys.data, values.data]);
  return { context, items };
}
