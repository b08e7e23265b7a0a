import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";
import type { AttributeScope } from "./group-by";

export interface AttributeKey {
  scope: AttributeScope;
  key: string;
  /** Spans that carry it. */
  spanCount: number;
}

const keysOf = new WeakMap<WaterfallTrace, AttributeKey[]>();

/**
 * The attribute keys present in a trace, for the statistics' group-by picker: span keys,
 * then resource keys, each alphabetical. Collected once per trace.
 */
export function traceAttributeKeys(trace: WaterfallTrace): readonly AttributeKey[] {
  const cached = keysOf.get(trace);
  if (cached) return cached;
  const counts = { span: new Map<string, number>(), resource: new Map<string, number>() };
  for (const span of trace.spans) {
    for (const key in span.attributes) counts.span.set(key, (counts.span.get(key) ?? 0) + 1);
    for (const key in span.resourceAttributes) counts.resource.set(key, (counts.resource.get(key) ?? 0) + 1);
  }
  const listed = (scope: AttributeScope) =>
    [...counts[scope]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, spanCount]) => ({ scope, key, spanCount }));
  const keys = [...listed("span"), ...listed("resource")];
  keysOf.set(trace, keys);
  return keys;
}

/** The key a switch to grouping by attribute starts with: the span key most spans carry, else the first key. */
export function defaultAttributeKey(keys: readonly AttributeKey[]): AttributeKey | null {
  let best: AttributeKey | null = null;
  for (const key of keys) if (key.scope === "span" && (best === null || key.spanCount > best.spanCount)) best = key;
  return best ?? keys[0] ?? null;
}
