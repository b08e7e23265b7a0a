import { parseDurationNs } from "@/lib/query/params/duration";
import type { TagFilter } from "@/lib/query/params/tags";
import { formatTag, parseTagInput } from "./tag-input";

export const LOOKBACKS = [
  { value: "15m", label: "Last 15 minutes", ms: 15 * 60_000 },
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "6h", label: "Last 6 hours", ms: 6 * 3_600_000 },
  { value: "24h", label: "Last 24 hours", ms: 24 * 3_600_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 24 * 3_600_000 },
] as const;
export type Lookback = (typeof LOOKBACKS)[number]["value"];
export const DEFAULT_LOOKBACK: Lookback = "1h";
/** The `lookback` value that means "use `start` and `end`". */
export const CUSTOM_RANGE = "custom";

export const LIMITS = [20, 50, 100, 200, 500, 1500] as const;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1500;

/** A trace search as the URL holds it (and the form edits it). */
export interface TraceSearch {
  service: string;
  operation: string;
  tags: TagFilter[];
  minDuration: string;
  maxDuration: string;
  /** Duration filters match any span rather than the whole trace. */
  spanDuration: boolean;
  lookback: Lookback | typeof CUSTOM_RANGE;
  /** ISO instants of a custom range (lookback = custom). */
  start: string;
  end: string;
  limit: number;
}

function lookbackOf(value: string | null): TraceSearch["lookback"] {
  if (value === CUSTOM_RANGE) return CUSTOM_RANGE;
  return LOOKBACKS.find((option) => option.value === value)?.value ?? DEFAULT_LOOKBACK;
}

function limitOf(value: string | null): number {
  const limit = Number(value);
  return Number.isInteger(limit) && limit >= 1 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
}

/** The search a page URL describes; anything missing or malformed takes its default. */
export function readTraceSearch(params: URLSearchParams): TraceSearch {
  const lookback = lookbackOf(params.get("lookback"));
  const start = params.get("start") ?? "";
  const end = params.get("end") ?? "";
  const custom = lookback === CUSTOM_RANGE && start !== "" && end !== "";
  return {
    service: params.get("service") ?? "",
    operation: params.get("operation") ?? "",
    tags: params.getAll("tags").flatMap((param) => {
      const parsed = parseTagInput(param);
      return parsed.ok ? parsed.tags : [];
    }),
    minDuration: params.get("minDuration") ?? "",
    maxDuration: params.get("maxDuration") ?? "",
    spanDuration: params.get("spanDuration") === "true",
    lookback: custom ? CUSTOM_RANGE : lookback === CUSTOM_RANGE ? DEFAULT_LOOKBACK : lookback,
    start: custom ? start : "",
    end: custom ? end : "",
    limit: limitOf(params.get("limit")),
  };
}

/** The URL changes for a search; defaults are left out so links stay short. Each tag is one `tags` parameter in the API's logfmt form. */
export function traceSearchUrlChanges(search: TraceSearch): Record<string, string | string[] | null> {
  const custom = search.lookback === CUSTOM_RANGE;
  return {
    service: search.service || null,
    operation: search.service ? search.operation || null : null,
    tags: search.tags.map(formatTag),
    minDuration: search.minDuration.trim() || null,
    maxDuration: search.maxDuration.trim() || null,
    spanDuration: search.spanDuration ? "true" : null,
    lookback: search.lookback === DEFAULT_LOOKBACK ? null : search.lookback,
    start: custom ? search.start : null,
    end: custom ? search.end : null,
    limit: search.limit === DEFAULT_LIMIT ? null : String(search.limit),
  };
}

/** The window the search covers at `nowMs`, in unix milliseconds. */
export function searchWindow(search: TraceSearch, nowMs: number): { startMs: number; endMs: number } {
  if (search.lookback === CUSTOM_RANGE) return { startMs: Date.parse(search.start), endMs: Date.parse(search.end) };
  const lookback = LOOKBACKS.find((option) => option.value === search.lookback) ?? LOOKBACKS[1];
  return { startMs: nowMs - lookback.ms, endMs: nowMs };
}

/** What is wrong with a search before it is sent, field by field (empty when it can be sent). */
export function traceSearchProblems(search: TraceSearch): Partial<Record<"minDuration" | "maxDuration" | "range", string>> {
  const problems: Partial<Record<"minDuration" | "maxDuration" | "range", string>> = {};
  const min = search.minDuration.trim() ? parseDurationNs(search.minDuration) : null;
  const max = search.maxDuration.trim() ? parseDurationNs(search.maxDuration) : null;
  const durationHint = "use e.g. 150ms, 1.2s, 500us or a number of ms";
  if (search.minDuration.trim() && min === null) problems.minDuration = durationHint;
  if (search.maxDuration.trim() && max === null) problems.maxDuration = durationHint;
  if (min !== null && max !== null && min > max) problems.maxDuration = "must not be below the minimum";
  if (search.lookback === CUSTOM_RANGE) {
    const { startMs, endMs } = searchWindow(search, 0);
    if (Number.isNaN(startMs) || Number.isNaN(endMs)) problems.range = "choose a start and an end";
    else if (startMs > endMs) problems.range = "the start must not be after the end";
  }
  return problems;
}

/** A pasted trace id as the API spells it (32 lowercase hex digits; 16-digit ids padded), or null. */
export function normalizeTraceId(text: string): string | null {
  const id = text.trim().toLowerCase();
  if (!/^[0-9a-f]{16}$|^[0-9a-f]{32}$/.test(id) || /^0+$/.test(id)) return null;
  return id.padStart(32, "0");
}

/** A `datetime-local` input's value for an ISO instant, in local time ("" when unset). */
export function toLocalInputValue(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` input's value (local time) as an ISO instant ("" when unset). */
export function fromLocalInputValue(value: string): string {
  const ms = new Date(value).getTime();
  return value && !Number.isNaN(ms) ? new Date(ms).toISOString() : "";
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
