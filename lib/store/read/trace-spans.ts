import "server-only";
import type { Attributes, SpanEvent, SpanKind, SpanLink, SpanRecord, StatusCode } from "@/lib/collector/span-record";
import { getDb } from "../db";

/**
 * Every stored span of one trace, as records (JSON columns parsed), in no particular
 * order; empty for an unknown trace. Spans of one resource share one parsed attributes
 * object, as the collector's records do.
 */
export async function readTraceSpans(traceId: string): Promise<SpanRecord[]> {
  const rows = await getDb().span.findMany({ where: { traceId }, omit: { durationNs: true } });
  const resources = new Map<string, Attributes>();
  return rows.map(({ attributes, resourceAttributes, events, links, kind, statusCode, ...row }) => {
    let resource = resources.get(resourceAttributes);
    if (!resource) resources.set(resourceAttributes, (resource = JSON.parse(resourceAttributes) as Attributes));
    return {
      ...row,
      kind: kind as SpanKind,
      statusCode: statusCode as StatusCode,
      attributes: JSON.parse(attributes) as Attributes,
      resourceAttributes: resource,
      events: JSON.parse(events) as SpanEvent[],
      links: JSON.parse(links) as SpanLink[],
    };
  });
}
