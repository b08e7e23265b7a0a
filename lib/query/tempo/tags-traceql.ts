import { NS_PER_MS } from "@/lib/domain/time-units";

/**
 * Tempo's tag search (`tags` in logfmt, `minDuration`, `maxDuration`) as a TraceQL query
 * the project's engine answers, with the semantics of Tempo's block search
 * (tempodb/encoding/vparquet4/block_search.go): the well-known columns match a substring
 * (case-sensitive), `http.status_code` an int, `status.code` a status, any other key a
 * span or resource attribute's exact string; durations apply to the trace in whole
 * milliseconds. Each pair becomes its own spanset, so pairs may hold on different spans.
 */

const RESOURCE_SUBSTRING_KEYS = new Set([
  "service.name", "cluster", "namespace", "pod", "container", "k8s.cluster.name", "k8s.namespace.name", "k8s.pod.name", "k8s.container.name",
]);
const SPAN_SUBSTRING_KEYS = new Set(["http.method", "http.url"]);
const TRACE_SUBSTRING_FIELDS: Record<string, string> = { "root.service.name": "rootServiceName", "root.name": "rootName", name: "name" };
const STATUSES = new Set(["unset", "ok", "error"]);

const quote = (text: string) => JSON.stringify(text);
/** RE2 metacharacters escaped, so the text matches itself. */
const literalPattern = (text: string) => text.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
const substring = (field: string, value: string) => `${field} =~ ${quote(`.*${literalPattern(value)}.*`)}`;

function condition(key: string, value: string): string {
  if (key in TRACE_SUBSTRING_FIELDS) return substring(TRACE_SUBSTRING_FIELDS[key], value);
  if (RESOURCE_SUBSTRING_KEYS.has(key)) return substring(`resource.${quote(key)}`, value);
  if (SPAN_SUBSTRING_KEYS.has(key)) return substring(`span.${quote(key)}`, value);
  // Tempo maps an unknown status name to unset.
  if (key === "status.code") return `status = ${STATUSES.has(value) ? value : "unset"}`;
  if (key === "error" && value === "true") return "status = error";
  if (key === "http.status_code" && /^-?\d{1,18}$/.test(value)) return `span.${quote(key)} = ${value}`;
  return `.${quote(key)} = ${quote(value)}`;
}

export interface TagSearch {
  tags: ReadonlyArray<readonly [string, string]>;
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
}

/** The TraceQL text of a tag search: `{ }` (every trace) when it asks nothing. */
export function tagSearchTraceQL({ tags, minDurationNs, maxDurationNs }: TagSearch): string {
  const filters = tags.map(([key, value]) => condition(key, value));
  const minMs = (minDurationNs ?? 0n) / NS_PER_MS;
  const maxMs = (maxDurationNs ?? 0n) / NS_PER_MS;
  if (minMs > 0n) filters.push(`traceDuration >= ${minMs}ms`);
  if (maxMs > 0n) filters.push(`traceDuration <= ${maxMs}ms`);
  return filters.length === 0 ? "{ }" : filters.map((filter) => `{ ${filter} }`).join(" && ");
}
