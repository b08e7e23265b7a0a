import { parseTraceQL, TraceQLError } from "@/lib/query/traceql";
import { parseDurationNs } from "@/lib/query/params/duration";
import { formToTraceQL } from "@/lib/query/traces/form-traceql";
import type { SearchDraft } from "./search-draft";
import type { SearchMode } from "./trace-search";
import { parseTagInput } from "./tag-input";

/** The TraceQL the form's fields stand for (what a switch to the query box carries over); null while a field does not parse. */
export function draftTraceQL(draft: SearchDraft): string | null {
  const tags = parseTagInput(draft.tagsText);
  const min = draft.minDuration.trim() ? parseDurationNs(draft.minDuration) : undefined;
  const max = draft.maxDuration.trim() ? parseDurationNs(draft.maxDuration) : undefined;
  if (!tags.ok || min === null || max === null) return null;
  return formToTraceQL({
    service: draft.service || undefined,
    operation: (draft.service && draft.operation) || undefined,
    tags: tags.tags,
    minDuration: min,
    maxDuration: max,
    spanDuration: draft.spanDuration,
    kind: undefined,
    status: undefined,
  }).text;
}

/**
 * The draft in the other mode. The editor gets the TraceQL the form's fields mean (none
 * for an empty form, so it opens on the history); the form starts from its own fields.
 */
export function withMode(draft: SearchDraft, mode: SearchMode): SearchDraft {
  if (mode === "form") return { ...draft, mode };
  const carried = draftTraceQL(draft);
  return { ...draft, mode, q: carried && carried !== "{ }" ? carried : draft.q };
}

/** The line of `text` an error is on, and a caret under its column: the editor's marker. */
export function errorMarker(text: string, at: { line: number; column: number }): string {
  const line = text.split("\n")[at.line - 1] ?? "";
  return `${line}\n${" ".repeat(Math.max(0, at.column - 1))}^`;
}

/** Characters of the word an error points at, marked from its start (one at least). */
const WORD_AT = /[^\s{}()=~!<>&|^,]*/y;

/**
 * The stretch of a query to mark while it is typed: the word the parser stopped at, or
 * null when it parses or stops at its end (a query not finished yet is not an error).
 */
export function liveErrorRange(text: string): { start: number; end: number; message: string } | null {
  try {
    parseTraceQL(text);
    return null;
  } catch (error) {
    if (!(error instanceof TraceQLError)) throw error;
    const start = error.position.offset;
    if (start >= text.trimEnd().length) return null;
    WORD_AT.lastIndex = start;
    const word = WORD_AT.exec(text)?.[0] ?? "";
    return { start, end: start + Math.max(1, word.length), message: error.message };
  }
}
