import { SPAN_KIND_NAMES, STATUS_CODE_NAMES, type SpanRecord } from "@/lib/collector/span-record";
import { nanosToMillis } from "@/lib/query/nanos";
import { buildWaterfall } from "./build-waterfall";
import { orderSpans } from "./span-order";
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
  const { order, depth, orphan } = orderSpans(records);
  const spans = order.map((index) => toWaterfallSpan(records[index], startNs, orphan[index]));
  return buildWaterfall({ traceId, startTimeUnixNano: startNs.toString(), durationMs: nanosToMillis(endNs - startNs) }, spans, depth);
}
