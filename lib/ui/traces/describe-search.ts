import { presetOf } from "@/lib/ui/time-range";
import { formatDateTime } from "@/lib/ui/time-format";
import { activeQuery, CUSTOM_RANGE, type TraceSearch } from "./trace-search";
import { formatTag } from "./tag-input";

function describeWindow(search: TraceSearch, window: { startMs: number; endMs: number }): string {
  if (search.lookback !== CUSTOM_RANGE) {
    const label = presetOf(search.lookback)?.label ?? "";
    return `in the ${label.toLowerCase()}`;
  }
  return `between ${formatDateTime(window.startMs)} and ${formatDateTime(window.endMs)}`;
}

/** A search in words, for the empty state: `service api, tags a=1, at least 100ms, in the last hour`. */
export function describeSearch(search: TraceSearch, window: { startMs: number; endMs: number }): string {
  const parts: string[] = [];
  if (search.mode === "traceql") return `the query ${activeQuery(search) || "{ }"}, ${describeWindow(search, window)}`;
  if (search.service) parts.push(`service ${search.service}`);
  if (search.service && search.operation) parts.push(`operation ${search.operation}`);
  if (search.tags.length > 0) parts.push(`${search.tags.length === 1 ? "tag" : "tags"} ${search.tags.map(formatTag).join(", ")}`);
  const min = search.minDuration.trim();
  const max = search.maxDuration.trim();
  const subject = search.spanDuration ? "a span" : "";
  if (min && max) parts.push(`${subject ? `${subject} ` : ""}between ${min} and ${max}`);
  else if (min) parts.push(`${subject ? `${subject} of ` : ""}at least ${min}`);
  else if (max) parts.push(`${subject ? `${subject} of ` : ""}at most ${max}`);
  parts.push(describeWindow(search, window));
  return parts.join(", ");
}

/** What the duration filters matched, as the API reports it; undefined when no duration filter was given. */
export function durationFilterNote(search: TraceSearch, matched: "trace" | "span" | null | undefined): string | undefined {
  if (search.mode === "traceql" || (!search.minDuration.trim() && !search.maxDuration.trim())) return undefined;
  if (matched === "span") return "Duration filters matched single spans: a listed trace has at least one span in range";
  if (matched === "trace") return "Duration filters matched whole traces (root to last span)";
  return undefined;
}
