import { SPAN_KIND_NAMES, STATUS_CODE_NAMES, type SpanRecord } from "@/lib/domain/span-record";
import { nanosToMillis } from "@/lib/domain/time-units";
import { buildTraceTree } from "@/lib/trace-tree";
import { buildWaterfall } from "./build-waterfall";
import type { WaterfallSpan, WaterfallTrace } from "./waterfall-trace";

function toWaterfallSpan(record: SpanRecord, traceStartNs: bigint, orphan: boolean): WaterfallSpan {
  return {
    spanId: record.spanId,
    parentSpanId: record.parentSpanId,
    name: record.name,
    service: record.serviceName,
    kind: SPAN_KIND_NAMES[record.kind] ?? "unspecified",
    status: STATUS_CODE_NAMES[record.statusCode] ?? "unset",
    statusMessage: record.statusMessage,
    startTimeUnixNano: record.startTimeNs.toString(),
    startMs: nanosToMillis(record.startTimeNs - traceStartNs),
    durationMs: nanosToMillis(record.endTimeNs - record.startTimeNs),
    attributes: record.attributes,
    resourceAttributes: record.resourceAttributes,
    events: record.events.map((event) => ({
      name: event.name,
      timeUnixNano: event.timeNs,
      offsetMs: nanosToMillis(BigInt(event.timeNs) - record.startTimeNs),
      attributes: event.attributes,
    })),
    links: record.links,
    traceState: record.traceState,
    scope: record.scopeName === null ? null : [record.scopeName, record.scopeVersion].filter(Boolean).join(" "),
    orphan,
  };
}

/** The waterfall of one trace's span records (e.g. read from a file in the browser). */
export function waterfallFromRecords(traceId: string, records: readonly SpanRecord[]): WaterfallTrace {
  let startNs = records[0]?.startTimeNs ?? 0n;
  let endNs = records[0]?.endTimeNs ?? 0n;
  for (const record of records) {
    if (record.startTimeNs < startNs) startNs = record.startTimeNs;
    if (record.endTimeNs > endNs) endNs = record.endTimeNs;
  }
  const tree = buildTraceTree(
    records.map((record) => ({ spanId: record.spanId, parentSpanId: record.parentSpanId, startTimeUnixNano: record.startTimeNs, record })),
  );
  const spans = tree.rows.map((row) => toWaterfallSpan(row.span.record, startNs, row.orphan));
  const depths = tree.rows.map((row) => row.depth);
  return buildWaterfall({ traceId, startTimeUnixNano: startNs.toString(), durationMs: nanosToMillis(endNs - startNs) }, spans, depths);
}
