import "server-only";
import type { JaegerV3TracesResult, JaegerV3TraceSearchQuery } from "@/lib/api/contracts/jaeger";
import type { SpanRecord } from "@/lib/domain/span-record";
import { findTraces, readTraces, splitErrorTag } from "../compat/find-traces";
import { storedTraceId } from "../compat/legacy-ids";
import { toOtlpExport } from "../traces/otlp-export";
import { serviceNames } from "../compat/names";
import { jaegerOperations } from "./jaeger-api";
import { isJaegerErrorTag, jaegerTags } from "./jaeger-tags";
import { jaegerV3ErrorResponse } from "./jaeger-envelope";

/** The gateway's default number of traces when neither query.num_traces nor query.search_depth is given. */
const DEFAULT_V3_LIMIT = 20;

export async function listJaegerV3Services() {
  return { services: await serviceNames() };
}

/** api_v3 operations: a service's operations, or none without one (the gateway asks storage for service ""). */
export async function listJaegerV3Operations(service?: string, spanKind?: string) {
  return { operations: service ? await jaegerOperations(service, spanKind) : [] };
}

/** Every trace's spans as one OTLP TracesData in `result`; 404 when there is none, as the gateway answers. */
function tracesResult(traces: SpanRecord[][]): JaegerV3TracesResult | Response {
  if (traces.length === 0) return jaegerV3ErrorResponse(404, "No traces found");
  return { result: toOtlpExport(traces.flat()) };
}

export async function getJaegerV3Trace(traceId: string): Promise<JaegerV3TracesResult | Response> {
  const id = storedTraceId(traceId);
  if (!id) return jaegerV3ErrorResponse(400, `malformed parameter trace_id: "${traceId}" is not 1 to 32 hex digits`);
  return tracesResult(await readTraces([id]));
}

export async function searchJaegerV3Traces(query: JaegerV3TraceSearchQuery): Promise<JaegerV3TracesResult | Response> {
  const tags = jaegerTags([], query["query.attributes"] ? [query["query.attributes"]] : []);
  if (typeof tags === "string") return jaegerV3ErrorResponse(400, tags);
  const traces = await findTraces({
    service: query["query.service_name"] || undefined,
    operation: query["query.operation_name"] || undefined,
    ...splitErrorTag(tags, isJaegerErrorTag),
    minDurationNs: query["query.duration_min"] || undefined,
    maxDurationNs: query["query.duration_max"] || undefined,
    startNs: query["query.start_time_min"]!,
    endNs: query["query.start_time_max"]!,
    limit: query["query.num_traces"] || query["query.search_depth"] || DEFAULT_V3_LIMIT,
  });
  return tracesResult(traces);
}
