import "server-only";
import { TempoTrace, TempoTraceByIDResponse } from "@/lib/collector/wire/tempo-proto";
import { matchingSpans, type TraceQLQuery } from "@/lib/query/traceql";
import { readTraces } from "../compat/find-traces";
import { protobufResponse, wantsProtobuf } from "./tempo-answer";
import { tempoTraceJson, tempoTraceObject } from "./tempo-trace-message";

/**
 * Trace by id, v1 and v2, as Tempo's query frontend answers them
 * (modules/frontend/combiner/trace_by_id.go and trace_by_id_v2.go): protobuf when the
 * request's Accept names `application/protobuf` (see tempo-answer.ts), else jsonpb's JSON.
 */

/** The stored spans of a trace, as a tempopb.Trace object; null when none is stored. */
async function storedTrace(traceId: string) {
  const [spans] = await readTraces([traceId]);
  return spans ? tempoTraceObject(spans) : null;
}

/** `GET /api/traces/{traceID}`: tempopb.Trace, its resource spans named `batches` in JSON; 404 with no body when the trace is not stored. */
export async function getTempoTrace(traceId: string, accept: string | null): Promise<Response> {
  const trace = await storedTrace(traceId);
  if (!trace) return new Response(null, { status: 404 });
  if (wantsProtobuf(accept)) return protobufResponse(TempoTrace.encode(TempoTrace.fromObject(trace)).finish());
  return Response.json({ batches: tempoTraceJson(trace).resourceSpans ?? [] });
}

/** Tempo's message when the v2 filter (`q`) left spans out (modules/frontend/combiner/trace_by_id_v2.go). */
export const TRACE_FILTERED_MESSAGE = "Trace filtered, only a subset of spans matching the filter is returned";

/** The v2 answer's fields: the trace, kept to the spans `filter` matches, and PARTIAL when it left some out. */
async function traceByIdResponse(traceId: string, filter: TraceQLQuery | undefined) {
  const [spans = []] = await readTraces([traceId]);
  const kept = filter ? new Set(matchingSpans(filter, spans)) : null;
  const partial = kept !== null && kept.size < spans.length;
  return {
    trace: tempoTraceObject(spans, (span) => kept?.has(span) ?? true),
    metrics: {},
    ...(partial ? { status: "PARTIAL", message: TRACE_FILTERED_MESSAGE } : {}),
  };
}

/**
 * `GET /api/v2/traces/{traceID}`: tempopb.TraceByIDResponse. A trace not stored is the
 * empty trace with a 200, as Tempo's v2 answers (Grafana then reports it not found); its
 * `trace` is still written, so a Go client finds the message it dereferences.
 */
export async function getTempoTraceV2(traceId: string, accept: string | null, filter?: TraceQLQuery): Promise<Response> {
  const answer = await traceByIdResponse(traceId, filter);
  if (wantsProtobuf(accept)) return protobufResponse(TempoTraceByIDResponse.encode(TempoTraceByIDResponse.fromObject(answer)).finish());
  return Response.json({ ...answer, trace: tempoTraceJson(answer.trace) });
}
