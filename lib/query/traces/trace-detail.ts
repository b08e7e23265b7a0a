import "server-only";
import type { OtlpTraceExport } from "@/lib/api/contracts/otlp-trace";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import type { TraceDetail, TraceSpan } from "@/lib/api/contracts/traces";
import type { SpanRecord } from "@/lib/domain/span-record";
import { readTraceSpans } from "@/lib/store/read/trace-spans";
import { buildTraceTree, type TreeRow } from "@/lib/trace-tree";
import { nanosToMillis } from "@/lib/domain/time-units";
import { spanKindName, statusName } from "../params/span-enum-params";
import { AnswerCache } from "./answer-cache";
import { toOtlpExport } from "./otlp-export";
import { findTraceSummary } from "./trace-summary";

type TreeSpanRecord = SpanRecord & { startTimeUnixNano: bigint };

function toTraceSpan({ span, depth, orphan, childCount }: TreeRow<TreeSpanRecord>): TraceSpan {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    kind: spanKindName(span.kind),
    serviceName: span.serviceName,
    startTimeUnixNano: span.startTimeNs.toString(),
    endTimeUnixNano: span.endTimeNs.toString(),
    durationMs: nanosToMillis(span.endTimeNs - span.startTimeNs),
    status: { code: statusName(span.statusCode), message: span.statusMessage },
    attributes: span.attributes,
    resourceAttributes: span.resourceAttributes,
    events: span.events.map(({ name, timeNs, attributes }) => ({ name, timeUnixNano: timeNs, attributes })),
    links: span.links,
    scope: { name: span.scopeName, version: span.scopeVersion },
    traceState: span.traceState,
    depth,
    orphan,
    childCount,
  };
}

/** Every span of a trace in parent/child order with the trace's summary; null when its spans are gone. */
async function getTraceDetail(trace: TraceSummary): Promise<TraceDetail | null> {
  const spans = await readTraceSpans(trace.traceId);
  if (spans.length === 0) return null;
  const tree = buildTraceTree(spans.map((span) => ({ ...span, startTimeUnixNano: span.startTimeNs })));
  return { trace, depth: tree.depth, spans: tree.rows.map(toTraceSpan) };
}

/** Rendered trace details; big traces are opened again and again (shared links, several people). */
const DETAIL_CACHE_BYTES = 64 * 1024 * 1024;
const globalForDetails = globalThis as unknown as { traceboardDetailCache?: AnswerCache };

/**
 * The trace detail as JSON text. The summary (one indexed row) is read first; its span
 * count and end move with every ingest or retention change to the trace, so an answer
 * cached under them is never stale.
 */
export async function getTraceDetailJson(traceId: string): Promise<string | null> {
  const summary = await findTraceSummary(traceId);
  if (!summary) return null;
  const cache = (globalForDetails.traceboardDetailCache ??= new AnswerCache(DETAIL_CACHE_BYTES));
  const key = `${traceId}:${summary.spanCount}:${summary.endTimeUnixNano}:${summary.startTimeUnixNano}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const detail = await getTraceDetail(summary);
  if (!detail) return null;
  const json = JSON.stringify(detail);
  // Spans that arrived after the summary was read change the key: cache only an answer that matches it.
  if (detail.spans.length === summary.spanCount) cache.set(key, json);
  return json;
}

/** The trace as OTLP/JSON; null for an unknown trace. */
export async function getTraceOtlp(traceId: string): Promise<OtlpTraceExport | null> {
  const spans = await readTraceSpans(traceId);
  return spans.length === 0 ? null : toOtlpExport(spans);
}
