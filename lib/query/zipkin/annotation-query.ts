import type { TagFilter } from "../params/tags";

export interface AnnotationQuery {
  /** `key=value` terms: a tag with that value. */
  tags: TagFilter[];
  /** Lone words (and `key=` with no value): a tag key or an annotation value. */
  words: string[];
}

/**
 * An annotationQuery as Zipkin reads it (`error and http.method=GET and retried`): terms
 * split at ` and `, each a `key=value` (split at the first `=`, both sides trimmed) or a word.
 */
export function parseAnnotationQuery(text: string | undefined): AnnotationQuery {
  const query: AnnotationQuery = { tags: [], words: [] };
  for (const term of (text ?? "").split(" and ")) {
    const equals = term.indexOf("=");
    const key = (equals < 0 ? term : term.slice(0, equals)).trim();
    const value = equals < 0 ? "" : term.slice(equals + 1).trim();
    if (key === "") continue;
    if (value === "") query.words.push(key);
    else query.tags.push({ key, value });
  }
  return query;
}
