import { z } from "zod";

/** How many distinct queries the history keeps, most recent first. */
export const MAX_QUERY_HISTORY = 20;

/** Where the browser keeps it (localStorage). */
export const QUERY_HISTORY_KEY = "traceboard:traceql-history";

/** What the stored JSON must be; anything else (another version, a hand edit) reads as no history. */
const StoredQueryHistory = z.array(z.string());

/** The history held in a stored text: distinct non-empty queries, at most MAX_QUERY_HISTORY; empty when missing or malformed. */
export function parseQueryHistory(stored: string | null): string[] {
  if (!stored) return [];
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return [];
  }
  const parsed = StoredQueryHistory.safeParse(json);
  if (!parsed.success) return [];
  return parsed.data.reduceRight<string[]>((history, query) => withQuery(history, query), []);
}

/** The history after `query` ran: it comes first, an earlier copy of it is dropped, the oldest past the limit go. */
export function withQuery(history: readonly string[], query: string): string[] {
  const text = query.trim();
  if (!text) return [...history];
  return [text, ...history.filter((old) => old !== text)].slice(0, MAX_QUERY_HISTORY);
}
