import "server-only";
import { ATTRIBUTE_LOOKBACK_MS } from "@/lib/api/contracts/attributes";
import type { ZipkinDependencyLink, ZipkinTrace, ZipkinTraceSearchQuery } from "@/lib/api/contracts/zipkin";
import { msToNanos, NS_PER_HOUR } from "@/lib/domain/time-units";
import { readRemoteServiceNames } from "@/lib/store/read/remote-services";
import { listAttributeKeys, listAttributeValues } from "../attributes/list-attributes";
import { findTraces, readTraces, splitErrorTag } from "../compat/find-traces";
import { storedTraceId } from "../compat/legacy-ids";
import { operationsOf, sortedNames } from "../compat/names";
import { serviceGraph } from "../dependencies/service-graph";
import { parseAnnotationQuery } from "./annotation-query";
import { toZipkinTrace } from "./zipkin-model";

/** Zipkin's QUERY_LOOKBACK default: one day. */
const QUERY_LOOKBACK_NS = 24n * NS_PER_HOUR;
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
  return sortedNames(await readRemoteServiceNames(serviceName, msToNanos(Date.now()) - QUERY_LOOKBACK_NS));
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
  const endNs = query.endTs ?? msToNanos(Date.now());
  const startNs = endNs - (query.lookback ?? QUERY_LOOKBACK_NS);
  const { tags: attributeTags, error } = splitErrorTag(tags, (tag) => tag.key === "error");
  const traces = await findTraces({
    service: any(query.serviceName),
    operation: any(query.spanName),
    tags: attributeTags,
    words: annotations.words.filter((word) => word !== "error"),
    error: error || annotations.words.includes("error"),
    minDurationNs: query.minDuration,
    maxDurationNs: query.maxDuration,
    startNs: startNs < 0n ? 0n : startNs,
    endNs,
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

/** `GET /api/v2/dependencies`: links of the `lookback` before `endTs` (nanoseconds here); errorCount only when there were errors, as Zipkin writes it. */
export async function zipkinDependencies(query: { endTs: bigint; lookback?: bigint }): Promise<ZipkinDependencyLink[]> {
  const startNs = query.endTs - (query.lookback ?? QUERY_LOOKBACK_NS);
  const graph = await serviceGraph({ start: startNs < 0n ? 0n : startNs, end: query.endTs });
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
