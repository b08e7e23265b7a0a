import { StatusCode, type SpanRecord } from "@/lib/domain/span-record";

export interface SpanCounts {
  spanCount: number;
  errorCount: number;
}

export interface TraceCount extends SpanCounts {
  traceId: string;
}

export interface TraceServiceCount extends TraceCount {
  serviceName: string;
}

/** What one batch adds to a trace's summary row. */
export interface TraceDelta extends TraceCount {
  rootService: string;
  rootName: string;
  /** The root fields come from a parentless span; otherwise the batch's earliest span stands in. */
  hasRoot: boolean;
  startTimeNs: bigint;
  endTimeNs: bigint;
}

/** A (service, span name, kind) and the latest start seen for it. */
export interface OperationSeen {
  serviceName: string;
  spanName: string;
  kind: number;
  lastSeenNs: bigint;
}

/**
 * Summary changes, each list sorted by its key: concurrent PostgreSQL writers then
 * lock summary rows in the same order and cannot deadlock one another.
 */
export interface SummaryDeltas {
  traces: TraceDelta[];
  traceServices: TraceServiceCount[];
  operations: OperationSeen[];
}

export type CountedSpan = Pick<SpanRecord, "traceId" | "serviceName" | "statusCode">;

/** The fields of a span the summaries are made from. */
export type SummarizedSpan = Pick<
  SpanRecord,
  "traceId" | "spanId" | "kind" | "parentSpanId" | "name" | "serviceName" | "startTimeNs" | "endTimeNs" | "statusCode"
>;

const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

function sortedValues<T>(entries: Map<string, T>): T[] {
  return [...entries].sort(byKey).map(([, value]) => value);
}

interface TraceEntry<T> {
  trace: T & TraceCount;
  services: Map<string, TraceServiceCount>;
}

/**
 * Adds `span` to its trace's entry (made by `createTrace` on the trace's first span)
 * and to its (trace, service) count; returns the trace entry.
 */
function countSpan<T>(traces: Map<string, TraceEntry<T>>, span: CountedSpan, createTrace: () => T): T & TraceCount {
  let entry = traces.get(span.traceId);
  if (!entry) {
    entry = { trace: { ...createTrace(), traceId: span.traceId, spanCount: 0, errorCount: 0 }, services: new Map() };
    traces.set(span.traceId, entry);
  }
  let service = entry.services.get(span.serviceName);
  if (!service) {
    service = { traceId: span.traceId, serviceName: span.serviceName, spanCount: 0, errorCount: 0 };
    entry.services.set(span.serviceName, service);
  }
  const error = span.statusCode === StatusCode.ERROR ? 1 : 0;
  entry.trace.spanCount += 1;
  entry.trace.errorCount += error;
  service.spanCount += 1;
  service.errorCount += error;
  return entry.trace;
}

function toLists<T>(traces: Map<string, TraceEntry<T>>): { traces: Array<T & TraceCount>; traceServices: TraceServiceCount[] } {
  const entries = sortedValues(traces);
  return { traces: entries.map((entry) => entry.trace), traceServices: entries.flatMap((entry) => sortedValues(entry.services)) };
}

/** Span and error counts per trace and per (trace, service), for retention. */
export function countSpans(spans: readonly CountedSpan[]): { traces: TraceCount[]; traceServices: TraceServiceCount[] } {
  const traces = new Map<string, TraceEntry<object>>();
  for (const span of spans) countSpan(traces, span, () => ({}));
  return toLists(traces);
}

/** A parentless span beats one with a parent; between equals the earlier start wins. */
function isBetterRoot(candidate: SummarizedSpan, current: SummarizedSpan): boolean {
  const candidateIsRoot = candidate.parentSpanId === null;
  if (candidateIsRoot !== (current.parentSpanId === null)) return candidateIsRoot;
  return candidate.startTimeNs < current.startTimeNs;
}

interface TraceExtent {
  root: SummarizedSpan;
  startTimeNs: bigint;
  endTimeNs: bigint;
}

function toDelta({ root, startTimeNs, endTimeNs, traceId, spanCount, errorCount }: TraceExtent & TraceCount): TraceDelta {
  return { traceId, rootService: root.serviceName, rootName: root.name, hasRoot: root.parentSpanId === null, startTimeNs, endTimeNs, spanCount, errorCount };
}

/** Service -> span name -> operations by kind; nested maps, because building a joined key per span costs more than all the rest. */
type OperationsSeen = Map<string, Map<string, OperationSeen[]>>;

function seeOperation(operations: OperationsSeen, span: SummarizedSpan): void {
  let names = operations.get(span.serviceName);
  if (!names) operations.set(span.serviceName, (names = new Map()));
  let kinds = names.get(span.name);
  if (!kinds) names.set(span.name, (kinds = []));
  const operation = kinds[span.kind];
  if (!operation) kinds[span.kind] = { serviceName: span.serviceName, spanName: span.name, kind: span.kind, lastSeenNs: span.startTimeNs };
  else if (span.startTimeNs > operation.lastSeenNs) operation.lastSeenNs = span.startTimeNs;
}

/**
 * A span's end, or its start should it come later: every ingest format refuses such a span,
 * but the store does not rely on it, so a trace's summary always spans the starts of all its
 * spans (PostgreSQL's roll-up trigger looks up a trace's spans between those bounds).
 */
function latestOf(span: SummarizedSpan): bigint {
  return span.endTimeNs > span.startTimeNs ? span.endTimeNs : span.startTimeNs;
}

/** What a batch of newly stored spans changes in the summaries. */
export function summarizeSpans(spans: readonly SummarizedSpan[]): SummaryDeltas {
  const traces = new Map<string, TraceEntry<TraceExtent>>();
  const operations: OperationsSeen = new Map();
  for (const span of spans) {
    const end = latestOf(span);
    const trace = countSpan(traces, span, () => ({ root: span, startTimeNs: span.startTimeNs, endTimeNs: end }));
    if (isBetterRoot(span, trace.root)) trace.root = span;
    if (span.startTimeNs < trace.startTimeNs) trace.startTimeNs = span.startTimeNs;
    if (end > trace.endTimeNs) trace.endTimeNs = end;
    seeOperation(operations, span);
  }
  const lists = toLists(traces);
  return {
    traces: lists.traces.map(toDelta),
    traceServices: lists.traceServices,
    operations: sortedValues(operations).flatMap((names) => sortedValues(names).flatMap((kinds) => kinds.filter(Boolean))),
  };
}
