import { createHash } from "node:crypto";
import type { Attributes, SpanRecord } from "@/lib/domain/span-record";

/**
 * A span's resource and instrumentation scope as one text (the SpanResource model):
 * the resource's attributes JSON, a newline, then `[scopeName, scopeVersion]` as JSON.
 * JSON text holds no raw newline, so the first one splits it. Rows carry this key
 * until the store swaps it for the id of its span_resources row.
 */
export type ResourceKey = string;

/**
 * The spans of one OTLP resource share its attributes object (span records are never
 * mutated), so each resource is serialized once per scope instead of once per span.
 */
const keysByResource = new WeakMap<Attributes, Map<string, ResourceKey>>();

export function resourceKey(span: Pick<SpanRecord, "resourceAttributes" | "scopeName" | "scopeVersion">): ResourceKey {
  let keys = keysByResource.get(span.resourceAttributes);
  if (keys === undefined) keysByResource.set(span.resourceAttributes, (keys = new Map()));
  const scope = JSON.stringify([span.scopeName, span.scopeVersion]);
  let key = keys.get(scope);
  if (key === undefined) keys.set(scope, (key = `${JSON.stringify(span.resourceAttributes)}\n${scope}`));
  return key;
}

/** A span_resources row to insert for a key. */
export interface ResourceRow {
  digest: string;
  attributesJson: string;
  scopeName: string | null;
  scopeVersion: string | null;
}

export function resourceRow(key: ResourceKey): ResourceRow {
  const split = key.indexOf("\n");
  const [scopeName, scopeVersion] = JSON.parse(key.slice(split + 1)) as [string | null, string | null];
  return { digest: createHash("sha256").update(key).digest("hex"), attributesJson: key.slice(0, split), scopeName, scopeVersion };
}

/** The resource attributes' JSON text of a key, without parsing it. */
export function resourceAttributesJson(key: ResourceKey): string {
  return key.slice(0, key.indexOf("\n"));
}

/** Keys remembered per writer: a service has a handful; this bounds a sender that makes one per request. */
const MAX_REMEMBERED = 10_000;

/** The ids one transaction found for keys: used by it, remembered by the writer once it commits. */
export type FoundResourceIds = Map<ResourceKey, number>;

/**
 * The ids a writer's committed transactions found. A transaction keeps what it finds
 * apart (FoundResourceIds) until it commits: after a rollback (or a retry) a row it
 * inserted is gone, and no other transaction may use its id meanwhile.
 */
export class ResourceIds {
  private readonly known = new Map<ResourceKey, number>();

  get(key: ResourceKey, found: FoundResourceIds): number | undefined {
    return this.known.get(key) ?? found.get(key);
  }

  remember(found: FoundResourceIds): void {
    if (this.known.size + found.size > MAX_REMEMBERED) this.known.clear();
    for (const [key, id] of found) this.known.set(key, id);
  }
}
