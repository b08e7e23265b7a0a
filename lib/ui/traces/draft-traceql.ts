import { parseDurationNs } from "@/lib/query/params/duration";
import { formToTraceQL } from "@/lib/query/traces/form-traceql";
import type { SearchDraft } from "./search-draft";
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

/** The line of `text` an error is on, and a caret under its column: the editor's marker. */
export function errorMarker(text: string, at: { line: number; column: number }): string {
  const line = text.split("\n")[at.line - 1] ?? "";
  return `${line}\n${" ".repeat(Math.max(0, at.column - 1))}^`;
}
