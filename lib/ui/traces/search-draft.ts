import { formatTagInput, parseTagInput } from "./tag-input";
import { CUSTOM_RANGE, searchWindow, traceSearchProblems, type TraceSearch, type TraceSearchProblems } from "./trace-search";

/** The search form while it is being edited: the tags box is free text until it parses. */
export type SearchDraft = Omit<TraceSearch, "tags"> & { tagsText: string };

export type SearchProblems = TraceSearchProblems & { tags?: string };

export function draftOf(search: TraceSearch): SearchDraft {
  const { tags, ...rest } = search;
  return { ...rest, tagsText: formatTagInput(tags) };
}

/** The search a draft stands for, or what is wrong with it field by field. */
export function searchOfDraft(draft: SearchDraft): { ok: true; search: TraceSearch } | { ok: false; problems: SearchProblems } {
  const { tagsText, ...rest } = draft;
  const tags = parseTagInput(tagsText);
  const search: TraceSearch = { ...rest, tags: tags.ok ? tags.tags : [] };
  const problems: SearchProblems = { ...traceSearchProblems(search), ...(tags.ok || draft.mode === "traceql" ? {} : { tags: tags.error }) };
  return Object.keys(problems).length === 0 ? { ok: true, search } : { ok: false, problems };
}

/** A lookback change; switching to a custom range starts from the window the draft covered. */
export function withLookback(draft: SearchDraft, lookback: SearchDraft["lookback"], nowMs: number): SearchDraft {
  if (lookback !== CUSTOM_RANGE || (draft.start && draft.end)) return { ...draft, lookback };
  const { startMs, endMs } = searchWindow({ ...draft, tags: [] }, nowMs);
  return { ...draft, lookback, start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
}
