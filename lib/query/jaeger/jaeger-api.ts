import "server-only";
import type {
  JaegerDependencyList,
  JaegerNameList,
  JaegerOperation,
  JaegerOperationList,
  JaegerTraceList,
  JaegerTraceSearchQuery,
} from "@/lib/api/contracts/jaeger";
import { SPAN_KIND_NAMES, SpanKind } from "@/lib/domain/span-record";
import { msToNanos, NS_PER_HOUR } from "@/lib/domain/time-units";
import { findTraces, readTraces, splitErrorTag } from "../compat/find-traces";
import { legacyTraceId, storedTraceId } from "../compat/legacy-ids";
import { operationsOf, serviceNames, sortedNames } from "../compat/names";
import { serviceGraph } from "../dependencies/service-graph";
import { parseGoDurationNs } from "../params/go-duration";
import { jaegerData, jaegerErrorResponse } from "./jaeger-envelope";
import { toJaegerTrace } from "./jaeger-model";
import { isJaegerErrorTag, jaegerTags } from "./jaeger-tags";

/** Jaeger's defaults: 100 traces, a two-day lookback, one day of dependencies. */
const DEFAULT_LIMIT = 100;
const DEFAULT_LOOKBACK_NS = 48n * NS_PER_HOUR;
const DEFAULT_DEPENDENCY_LOOKBACK_NS = 24n * NS_PER_HOUR;

export async function listJaegerServices(): Promise<JaegerNameList> {
  const names = await serviceNames();
  return jaegerData(names, names.length);
}

/** Operations of a service (of one kind, or every kind when `spanKind` is empty or absent), by name. */
export async function jaegerOperations(service: string, spanKind?: string): Promise<JaegerOperation[]> {
  const kind = spanKind ? SPAN_KIND_NAMES.indexOf(spanKind as (typeof SPAN_KIND_NAMES)[number]) : undefined;
  const rows = await operationsOf(service, kind);
  return rows.map((row) => ({ name: row.spanName, spanKind: row.kind === SpanKind.UNSPECIFIED ? "" : (SPAN_KIND_NAMES[row.kind] as JaegerOperation["spanKind"]) }));
}

export async function listJaegerOperations(service: string, spanKind?: string): Promise<JaegerOperationList> {
  const operations = await jaegerOperations(service, spanKind);
  return jaegerData(operations, operations.length);
}

/** The legacy `/services/{service}/operations`: distinct names of every kind. */
export async function listJaegerOperationNames(service: string): Promise<JaegerNameList> {
  const names = sortedNames((await jaegerOperations(service)).map((operation) => operation.name));
  return jaegerData(names, names.length);
}

/** The trace ids asked for, stored form; a message naming the first malformed one. */
function storedTraceIds(given: readonly string[]): string[] | string {
  const ids: string[] = [];
  for (const id of given) {
    const stored = storedTraceId(id);
    if (!stored) return `cannot parse traceID param: "${id}" is not 1 to 32 hex digits`;
    ids.push(stored);
  }
  return ids;
}

/** Several traces by id: those not found are listed in `errors`, as Jaeger does. */
async function jaegerTracesById(ids: string[]): Promise<JaegerTraceList> {
  const traces = await readTraces(ids);
  const found = new Set(traces.map((spans) => spans[0].traceId));
  const missing = ids.filter((id) => !found.has(id)).map((id) => ({ msg: "trace not found", traceID: legacyTraceId(id) }));
  return jaegerData(traces.map(toJaegerTrace), 0, missing.length ? missing : null);
}

/** `GET /api/traces`: a search, or the traces of `traceID`; a 400 in Jaeger's envelope for malformed tags or ids. */
export async function searchJaegerTraces(query: JaegerTraceSearchQuery): Promise<JaegerTraceList | Response> {
  if (query.traceID?.length) {
    const ids = storedTraceIds(query.traceID);
    return typeof ids === "string" ? jaegerErrorResponse(400, ids) : jaegerTracesById(ids);
  }
  const tags = jaegerTags(query.tag, query.tags);
  if (typeof tags === "string") return jaegerErrorResponse(400, tags);
  const endNs = query.end ?? msToNanos(Date.now());
  const lookbackNs = (query.lookback && parseGoDurationNs(query.lookback)) || DEFAULT_LOOKBACK_NS;
  const startNs = query.start ?? endNs - lookbackNs;
  const traces = await findTraces({
    service: query.service,
    operation: query.operation || undefined,
    ...splitErrorTag(tags, isJaegerErrorTag),
    minDurationNs: query.minDuration || undefined,
    maxDurationNs: query.maxDuration || undefined,
    startNs: startNs < 0n ? 0n : startNs,
    endNs,
    limit: query.limit || DEFAULT_LIMIT,
  });
  return jaegerData(traces.map(toJaegerTrace));
}

/** `GET /api/traces/{traceID}`: the trace in `data`, or a 404 (400 for a malformed id) in Jaeger's envelope. */
export async function getJaegerTrace(traceID: string): Promise<JaegerTraceList | Response> {
  const id = storedTraceId(traceID);
  if (!id) return jaegerErrorResponse(400, `cannot parse traceID "${traceID}": expected 1 to 32 hex digits`);
  const [spans] = await readTraces([id]);
  return spans ? jaegerData([toJaegerTrace(spans)]) : jaegerErrorResponse(404, "trace not found");
}

/** `GET /api/dependencies`: edges of the `lookback` before `endTs` (both nanoseconds here, milliseconds on the wire), merged per (parent, child). */
export async function jaegerDependencies(query: { endTs?: bigint; lookback?: bigint; service?: string }): Promise<JaegerDependencyList> {
  const endNs = query.endTs ?? msToNanos(Date.now());
  const startNs = endNs - (query.lookback ?? DEFAULT_DEPENDENCY_LOOKBACK_NS);
  const graph = await serviceGraph({ start: startNs < 0n ? 0n : startNs, end: endNs });
  const edges = graph.edges.filter((edge) => !query.service || edge.parent === query.service || edge.child === query.service);
  return jaegerData(edges.map(({ parent, child, callCount }) => ({ parent, child, callCount })));
}
