import "server-only";
import { ATTRIBUTE_LOOKBACK_MS } from "@/lib/api/contracts/attributes";
import type { ZipkinDependencyLink, ZipkinTrace, ZipkinTraceSearchQuery } from "@/lib/api/contracts/zipkin";
import { msToNanos, NS_PER_US } from "@/lib/domain/time-units";
import { readRemoteServiceNames } from "@/lib/store/read/remote-services";
import { listAttributeKeys, listAttributeValues } from "../attributes/list-attributes";
import { findTraces, readTraces, splitErrorTag } from "../compat/find-traces";
import { storedTraceId } from "../compat/legacy-ids";
import { operationsOf, sortedNames } from "../compat/names";
import { serviceGraph } from "../dependencies/service-graph";
import type { TagFilter } from "../params/tags";
import { toZipkinTrace } from "./zipkin-model";

/** Zipkin's QUERY_LOOKBACK default: one day, in milliseconds. */
const QUERY_LOOKBACK_MS = 86_400_000n;
/** Zipkin's default number of traces. */
const DEFAULT_LIMIT = 10;
/** Keys and values listed for autocompletion at most. */
const AUTOCOMPLETE_LIMIT = 1_000;

/** Zipkin's placeholder for "any" in the UI's selects. */
const any = (name: string | undefined) => (name && name !== "all" ? name : undefined);

/** Span names of a service, sorted; none for an unknown service. */
export async function zipkinSpanNames(serviceName: string): Promise<string[]> {
  return sortedNames((await operationsOf(serviceName)).map((operation) => operation.spanName));
}

export async function zipkinRemoteServices(serviceName: string): Promise<string[]> {
  return sortedNames(await readRemoteServiceNames(serviceName, msToNanos(BigInt(Date.now()) - QUERY_LOOKBACK_MS)));
}

/** An annotationQuery (`error and http.method=GET and retried`): tag matches and words, as Zipkin reads it. */
export function parseAnnotationQuery(text: string | undefined): { tags: TagFilter[]; words: string[] } {
  const tags: TagFilter[] = [];
  const words: string[] = [];
  for (const term of (text ?? "").split(/\s+and\s+/i).map((part) => part.trim())) {
    if (term === "") continue;
    const equals = term.indexOf("=");
    if (equals < 0) words.push(term);
    else tags.push({ key: term.slice(0, equals).trim(), value: term.slice(equals + 1).trim() });
  }
  return { tags, words };
}

/**
 * `GET /api/v2/traces`. The normalizer keeps Zipkin's `error` tag as the error status,
 * so `error` (word or key) asks for that status; the remote service is the spans'
 * `peer.service`.
 */
export async function searchZipkinTraces(query: ZipkinTraceSearchQuery): Promise<ZipkinTrace[]> {
  const annotations = parseAnnotationQuery(query.annotationQuery);
  const remote = any(query.remoteServiceName);
  const tags = [...annotations.tags, ...(remote ? [{ key: "peer.service", value: remote }] : [])];
  const endMs = query.endTs ?? BigInt(Date.now());
  const startMs = endMs - (query.lookback ?? QUERY_LOOKBACK_MS);
  const { tags: attributeTags, error } = splitErrorTag(tags, (tag) => tag.key === "error");
  const traces = await findTraces({
    service: any(query.serviceName),
    operation: any(query.spanName),
    tags: attributeTags,
    words: annotations.words.filter((word) => word !== "error"),
    error: error || annotations.words.includes("error"),
    minDurationNs: query.minDuration === undefined ? undefined : query.minDuration * NS_PER_US,
    maxDurationNs: query.maxDuration === undefined ? undefined : query.maxDuration * NS_PER_US,
    startNs: msToNanos(startMs < 0n ? 0n : startMs),
    endNs: msToNanos(endMs),
    limit: query.limit ?? DEFAULT_LIMIT,
  });
  return traces.map(toZipkinTrace);
}

/** `GET /api/v2/trace/{traceId}`: null when no span of it is stored. */
export async function getZipkinTrace(traceId: string): Promise<ZipkinTrace | null> {
  const [spans] = await readTraces([storedTraceId(traceId)!]);
  return spans ? toZipkinTrace(spans) : null;
}

/** `GET /api/v2/traceMany`: the traces found, in the order asked. */
export async function getZipkinTraces(traceIds: readonly string[]): Promise<ZipkinTrace[]> {
  const ids = [...new Set(traceIds.map((id) => storedTraceId(id)!))];
  return (await readTraces(ids)).map(toZipkinTrace);
}

/** `GET /api/v2/dependencies`: links of the `lookback` milliseconds before `endTs`; errorCount only when there were errors, as Zipkin writes it. */
export async function zipkinDependencies(query: { endTs: bigint; lookback?: bigint }): Promise<ZipkinDependencyLink[]> {
  const startMs = query.endTs - (query.lookback ?? QUERY_LOOKBACK_MS);
  const graph = await serviceGraph({ start: msToNanos(startMs < 0n ? 0n : startMs), end: msToNanos(query.endTs) });
  return graph.edges.map(({ parent, child, callCount, errorCount }) => ({ parent, child, callCount, ...(errorCount > 0 ? { errorCount } : {}) }));
}

const lastDay = () => ({ end: msToNanos(Date.now()), start: msToNanos(Date.now() - ATTRIBUTE_LOOKBACK_MS), limit: AUTOCOMPLETE_LIMIT });

/** Tag keys of the last day's spans (Zipkin lists its configured keys; here every key is one). */
export async function zipkinAutocompleteKeys(): Promise<string[]> {
  const { keys } = await listAttributeKeys({ ...lastDay(), scope: "span" });
  return sortedNames(keys.map((key) => key.key));
}

/** Values of one tag key in the last day's spans, as text. */
export async function zipkinAutocompleteValues(key: string): Promise<string[]> {
  const { values } = await listAttributeValues(key, { ...lastDay(), scope: "span" });
  return sortedNames(values.map((value) => value.value));
}
