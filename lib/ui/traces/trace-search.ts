import { parseDurationNs } from "@/lib/query/params/duration";
import type { TagFilter } from "@/lib/query/params/tags";
import { SELF_SERVICE_NAME } from "@/lib/domain/self-service";
import { DEFAULT_RANGE, parseOptionalTimeRange, presetOf, RANGE_KEY, type RangePresetValue } from "@/lib/ui/time-range";
import { parseTraceQL, TraceQLError } from "@/lib/query/traceql";
import { formatTag, parseTagInput } from "./tag-input";

/** The form's value for "use `start` and `end`" (in the URL, a custom range is just `start` and `end`). */
export const CUSTOM_RANGE = "custom";

export const LIMITS = [20, 50, 100, 200, 500, 1500] as const;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1500;

/** How a search is written: with the form's fields (the simple mode) or as a TraceQL query. */
export type SearchMode = "form" | "traceql";

/** A trace search as the URL holds it (and the form edits it). */
export interface TraceSearch {
  mode: SearchMode;
  /** The TraceQL query of the `traceql` mode, which replaces the service, operation, tag and duration fields. */
  q: string;
  service: string;
  operation: string;
  tags: TagFilter[];
  minDuration: string;
  maxDuration: string;
  /** Duration filters match any span rather than the whole trace. */
  spanDuration: boolean;
  /** A preset of the shared time range (lib/ui/time-range.ts), or a custom range. */
  lookback: RangePresetValue | typeof CUSTOM_RANGE;
  /** ISO instants of a custom range (lookback = custom). */
  start: string;
  end: string;
  limit: number;
  /** Show Traceboard's own traces (service `traceboard`) among all services; they are left out by default. */
  includeSelf: boolean;
}

function limitOf(value: string | null): number {
  const limit = Number(value);
  return Number.isInteger(limit) && limit >= 1 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
}

/**
 * The search a page URL describes; anything missing or malformed takes its default. The
 * time range has the grammar of every page (`range=6h`, or `start` and `end`); links of
 * the old `lookback=6h` / `lookback=custom&start=&end=` form still read the same.
 */
export function readTraceSearch(params: URLSearchParams): TraceSearch {
  const range = parseOptionalTimeRange((key) => params.get(key));
  const custom = range?.kind === "custom";
  const q = params.get("q") ?? "";
  return {
    // Links from before the modes have `q` alone.
    mode: params.get("mode") === "traceql" || q.trim() ? "traceql" : "form",
    q,
    service: params.get("service") ?? "",
    operation: params.get("operation") ?? "",
    tags: params.getAll("tags").flatMap((param) => {
      const parsed = parseTagInput(param);
      return parsed.ok ? parsed.tags : [];
    }),
    minDuration: params.get("minDuration") ?? "",
    maxDuration: params.get("maxDuration") ?? "",
    spanDuration: params.get("spanDuration") === "true",
    lookback: range === null ? DEFAULT_RANGE : range.kind === "custom" ? CUSTOM_RANGE : range.value,
    start: custom ? new Date(range.startMs).toISOString() : "",
    end: custom ? new Date(range.endMs).toISOString() : "",
    limit: limitOf(params.get("limit")),
    includeSelf: params.get("includeSelf") === "true",
  };
}

/** The TraceQL query a search runs: its query in the `traceql` mode, "" otherwise (or when it is empty). */
export const activeQuery = (search: Pick<TraceSearch, "mode" | "q">) => (search.mode === "traceql" ? search.q.trim() : "");

/** The URL changes for a search; defaults are left out so links stay short. Each tag is one `tags` parameter in the API's logfmt form. */
export function traceSearchUrlChanges(search: TraceSearch): Record<string, string | string[] | null> {
  const custom = search.lookback === CUSTOM_RANGE;
  // The mode's filters alone: a link holds the query or the form's fields.
  const form = search.mode === "form";
  return {
    mode: form ? null : "traceql",
    q: activeQuery(search) || null,
    service: (form && search.service) || null,
    operation: form && search.service ? search.operation || null : null,
    tags: form ? search.tags.map(formatTag) : [],
    minDuration: (form && search.minDuration.trim()) || null,
    maxDuration: (form && search.maxDuration.trim()) || null,
    spanDuration: form && search.spanDuration ? "true" : null,
    [RANGE_KEY]: custom || search.lookback === DEFAULT_RANGE ? null : search.lookback,
    lookback: null,
    start: custom ? search.start : null,
    end: custom ? search.end : null,
    limit: search.limit === DEFAULT_LIMIT ? null : String(search.limit),
    includeSelf: search.includeSelf ? "true" : null,
  };
}

/** The services whose traces the search leaves out: Traceboard's own, unless it is the service searched or they are asked for. */
export function excludedServices(search: TraceSearch): string[] {
  return search.includeSelf || search.service === SELF_SERVICE_NAME ? [] : [SELF_SERVICE_NAME];
}

/** The window the search covers at `nowMs`, in unix milliseconds. */
export function searchWindow(search: TraceSearch, nowMs: number): { startMs: number; endMs: number } {
  if (search.lookback === CUSTOM_RANGE) return { startMs: Date.parse(search.start), endMs: Date.parse(search.end) };
  const lookback = presetOf(search.lookback) ?? presetOf(DEFAULT_RANGE)!;
  return { startMs: nowMs - lookback.ms, endMs: nowMs };
}

export type TraceSearchProblems = Partial<Record<"q" | "minDuration" | "maxDuration" | "range", string>> & {
  /** Where the TraceQL parser stopped, for the editor's marker. */
  qAt?: { line: number; column: number };
};

/** The form's duration fields that do not parse or are out of order. */
function durationProblems(search: TraceSearch): TraceSearchProblems {
  const problems: TraceSearchProblems = {};
  const min = search.minDuration.trim() ? parseDurationNs(search.minDuration) : null;
  const max = search.maxDuration.trim() ? parseDurationNs(search.maxDuration) : null;
  const durationHint = "use e.g. 150ms, 1.2s, 500us or a number of ms";
  if (search.minDuration.trim() && min === null) problems.minDuration = durationHint;
  if (search.maxDuration.trim() && max === null) problems.maxDuration = durationHint;
  if (min !== null && max !== null && min > max) problems.maxDuration = "must not be below the minimum";
  return problems;
}

/** What is wrong with a search before it is sent, field by field (empty when it can be sent); the fields of the other mode do not count. */
export function traceSearchProblems(search: TraceSearch): TraceSearchProblems {
  const problems: TraceSearchProblems = {};
  if (activeQuery(search)) {
    try {
      parseTraceQL(search.q);
    } catch (error) {
      if (!(error instanceof TraceQLError)) throw error;
      problems.q = error.message;
      problems.qAt = { line: error.position.line, column: error.position.column };
    }
  }
  if (search.mode === "form") Object.assign(problems, durationProblems(search));
  if (search.lookback === CUSTOM_RANGE) {
    const { startMs, endMs } = searchWindow(search, 0);
    if (Number.isNaN(startMs) || Number.isNaN(endMs)) problems.range = "choose a start and an end";
    else if (startMs > endMs) problems.range = "the start must not be after the end";
  }
  return problems;
}

/** A pasted trace id as the API spells it (32 lowercase hex digits; 16-digit ids padded), or null. */
/** What a box that takes a trace id says when normalizeTraceId refuses the text. */
export const TRACE_ID_PROBLEM = "A trace id is 32 (or 16) hex digits";

export function normalizeTraceId(text: string): string | null {
  const id = text.trim().toLowerCase();
  if (!/^[0-9a-f]{16}$|^[0-9a-f]{32}$/.test(id) || /^0+$/.test(id)) return null;
  return id.padStart(32, "0");
}

/** One entry per span name with its kinds, from the API's (name, kind) pairs, in first-seen order. */
export function operationOptions(operations: ReadonlyArray<{ name: string; spanKind: string }>): Array<{ name: string; spanKinds: string[] }> {
  const byName = new Map<string, string[]>();
  for (const { name, spanKind } of operations) {
    const kinds = byName.get(name);
    if (!kinds) byName.set(name, [spanKind]);
    else if (!kinds.includes(spanKind)) kinds.push(spanKind);
  }
  return [...byName].map(([name, spanKinds]) => ({ name, spanKinds }));
}
