import type { TagFilter } from "../params/tags";

/** `tag=key:value` (split at the first colon) and `tags={json map}`, as Jaeger's query parser reads them; a message when malformed. */
export function jaegerTags(tag: readonly string[] = [], tags: readonly string[] = []): TagFilter[] | string {
  const merged = new Map<string, string>();
  for (const pair of tag) {
    const colon = pair.indexOf(":");
    if (colon < 0) return `malformed 'tag' parameter, expecting key:value, received: ${pair}`;
    merged.set(pair.slice(0, colon), pair.slice(colon + 1));
  }
  for (const json of tags) {
    let map: unknown;
    try {
      map = JSON.parse(json);
    } catch (error) {
      return `malformed 'tags' parameter, cannot unmarshal JSON: ${(error as Error).message}`;
    }
    if (map === null || typeof map !== "object" || Array.isArray(map) || Object.values(map).some((value) => typeof value !== "string")) {
      return "malformed 'tags' parameter, cannot unmarshal JSON: expected an object of string values";
    }
    for (const [key, value] of Object.entries(map as Record<string, string>)) merged.set(key, value);
  }
  return [...merged].map(([key, value]) => ({ key, value }));
}

/** Jaeger shows the error status as the tag `error=true`: searching it asks for the status. */
export const isJaegerErrorTag = (tag: TagFilter) => tag.key === "error" && tag.value === "true";
