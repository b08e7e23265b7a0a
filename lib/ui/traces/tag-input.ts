import { parseTags, type TagFilter } from "@/lib/query/params/tags";

export type TagInputResult = { ok: true; tags: TagFilter[] } | { ok: false; error: string };

/**
 * The tags box of the search form, read with the API's own `tags` grammar (logfmt:
 * `key=value` pairs separated by spaces, double quotes around values with spaces), so the
 * form refuses exactly what the API would.
 */
export function parseTagInput(text: string): TagInputResult {
  try {
    return { ok: true, tags: parseTags(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function quotedIfNeeded(text: string, special: RegExp): string {
  return text === "" || special.test(text) ? `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"` : text;
}

/** One tag as logfmt, quoted where the grammar needs it: `customer="Acme Inc"`. */
export function formatTag({ key, value }: TagFilter): string {
  return `${quotedIfNeeded(key, /[\s="\\]/)}=${quotedIfNeeded(value, /[\s"\\]/)}`;
}

/** Tags back into the box's text (the inverse of parseTagInput). */
export function formatTagInput(tags: readonly TagFilter[]): string {
  return tags.map(formatTag).join(" ");
}
