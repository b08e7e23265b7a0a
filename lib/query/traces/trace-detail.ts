import "server-only";
import type { OtlpTraceExport } from "@/lib/api/contracts/otlp-trace";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import type { StoredSpan, TraceDetail, TraceSpan } from "@/lib/api/contracts/traces";
import type { SpanRecord } from "@/lib/domain/span-record";
import { readTraceSpan, readTraceSpans } from "@/lib/store/read/trace-spans";
import { readTraceStructure } from "@/lib/store/read/trace-structure";
import { encodeCompactTrace } from "@/lib/trace-compact/encode-compact-trace";
import { buildTraceTree, type TraceTree, type TreeRow } from "@/lib/trace-tree";
import { nanosToMillis } from "@/lib/domain/time-units";
import { TraceIdParam } from "../params/hex-ids";
import { spanKindName, statusName } from "../params/span-enum-params";
import { AnswerCache } from "./answer-cache";
import { toOtlpExport } from "./otlp-export";
import { findTraceSummary } from "./trace-summary";

type TreeSpanRecord = SpanRecord & { startTimeUnixNano: bigint };

function toStoredSpan(span: SpanRecord): StoredSpan {
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
  };
}

const toTraceSpan = ({ span, depth, orphan, childCount }: TreeRow<TreeSpanRecord>): TraceSpan => ({ ...toStoredSpan(span), depth, orphan, childCount });

export type TraceView = "full" | "compact";

/** Spans in parent/child order; null for none. The tree reads the start as `startTimeUnixNano`: set in place (a copy per span costs 200,000 objects on a big trace). */
function treeOf<S extends { startTimeNs: bigint; spanId: string; parentSpanId: string | null }>(spans: S[]): TraceTree<S & { startTimeUnixNano: bigint }> | null {
  if (spans.length === 0) return null;
  const tree = spans as Array<S & { startTimeUnixNano: bigint }>;
  for (const span of tree) span.startTimeUnixNano = span.startTimeNs;
  return buildTraceTree(tree);
}

/** Every span of a trace in parent/child order with the trace's summary, in full or compact; null when its spans are gone. */
async function renderTraceDetail(trace: TraceSummary, view: TraceView): Promise<{ json: string; spanCount: number } | null> {
  if (view === "compact") {
    const tree = treeOf(await readTraceStructure(trace.traceId));
    return tree && { json: JSON.stringify(encodeCompactTrace(trace, tree)), spanCount: tree.rows.length };
  }
  const tree = treeOf(await readTraceSpans(trace.traceId));
  const detail: TraceDetail | null = tree && { trace, depth: tree.depth, spans: tree.rows.map(toTraceSpan) };
  return tree && { json: JSON.stringify(detail), spanCount: tree.rows.length };
}

/** Rendered trace details; big traces are opened again and again (shared links, several people). */
const DETAIL_CACHE_BYTES = 64 * 1024 * 1024;
const globalForDetails = globalThis as unknown as { traceboardDetailCache?: AnswerCache; traceboardDetailRenders?: Map<string, Promise<string | null>> };

/** Renders the answer and caches it when it matches the summary it was keyed on. */
async function renderAndCache(summary: TraceSummary, view: TraceView, key: string, cache: AnswerCache): Promise<string | null> {
  const detail = await renderTraceDetail(summary, view);
  if (!detail) return null;
  // Spans that arrived after the summary was read change the key: cache only an answer that matches it.
  if (detail.spanCount === summary.spanCount) cache.set(key, detail.json);
  return detail.json;
}

/**
 * The trace detail as JSON text. The summary (one indexed row) is read first; its span
 * count and end move with every ingest or retention change to the trace, so an answer
 * cached under them is never stale. One render of an answer at a time: requests for it
 * meanwhile (the trace page's early start and its own fetch, several people opening one
 * big trace) share it.
 */
export async function getTraceDetailJson(traceId: string, view: TraceView = "full"): Promise<string | null> {
  const summary = await findTraceSummary(traceId);
  if (!summary) return null;
  const cache = (globalForDetails.traceboardDetailCache ??= new AnswerCache(DETAIL_CACHE_BYTES));
  const key = `${view}:${traceId}:${summary.spanCount}:${summary.endTimeUnixNano}:${summary.startTimeUnixNano}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const renders = (globalForDetails.traceboardDetailRenders ??= new Map());
  let render = renders.get(key);
  if (!render) {
    render = renderAndCache(summary, view, key, cache).finally(() => renders.delete(key));
    renders.set(key, render);
  }
  return render;
}

/**
 * Renders the compact view (what the trace page fetches) into the cache ahead of the
 * page's own request, which then shares or finds it; called once the page's HTML is
 * sent, with the id as the page's URL spells it (read as the API reads it). A failure is
 * left for that request to meet and report.
 */
export async function warmTraceDetail(pageTraceId: string): Promise<void> {
  const traceId = TraceIdParam.safeParse(pageTraceId);
  if (traceId.success) await getTraceDetailJson(traceId.data, "compact").catch(() => null);
}

/** The stored spans with this id in full (what the compact view leaves out); empty for none. */
export async function getStoredSpans(traceId: string, spanId: string): Promise<StoredSpan[]> {
  const spans = await readTraceSpan(traceId, spanId);
  return spans.sort((a, b) => (a.startTimeNs < b.startTimeNs ? -1 : a.startTimeNs > b.startTimeNs ? 1 : 0)).map(toStoredSpan);
}

/** The trace as OTLP/JSON; null for an unknown trace. */
export async function getTraceOtlp(traceId: string): Promise<OtlpTraceExport | null> {
  const spans = await readTraceSpans(traceId);
  return spans.length === 0 ? null : toOtlpExport(spans);
}
