import type { JaegerKeyValue, JaegerSpan, JaegerTrace } from "@/lib/api/contracts/jaeger";
import { SpanKind, StatusCode, type AttributeValue, type Attributes, type SpanRecord } from "@/lib/domain/span-record";
import { NS_PER_US } from "@/lib/domain/time-units";
import { attributeText } from "../compat/attribute-text";
import { legacyTraceId } from "../compat/legacy-ids";
import { dedupeSharedSpanIds } from "../compat/shared-spans";
import { byStartTime } from "../compat/span-order";
import { spanKindName } from "../params/span-enum-params";

/**
 * Span records in Jaeger's JSON model (jaeger model/json, as its query service answers),
 * mapped as the OpenTelemetry Collector's Jaeger translator maps OTLP: resources become
 * processes, the status and kind become tags, events logs, links FOLLOWS_FROM references.
 */

/** A typed attribute as a Jaeger tag. */
export function jaegerKeyValue(key: string, value: AttributeValue): JaegerKeyValue {
  if (typeof value === "string") return { key, type: "string", value };
  if (typeof value === "boolean") return { key, type: "bool", value };
  if (typeof value === "number") return { key, type: "int64", value };
  if (!Array.isArray(value) && "int" in value) return { key, type: "int64", value: value.int };
  if (!Array.isArray(value) && "double" in value) return { key, type: "float64", value: value.double };
  if (!Array.isArray(value) && "bytes" in value) return { key, type: "binary", value: value.bytes };
  return { key, type: "string", value: attributeText(value) };
}

const keyValues = (attributes: Attributes) => Object.entries(attributes).map(([key, value]) => jaegerKeyValue(key, value));

const micros = (nanos: bigint) => Number(nanos / NS_PER_US);

const STATUS_TEXT: Record<number, string | undefined> = { [StatusCode.OK]: "OK", [StatusCode.ERROR]: "ERROR" };

/** What the record keeps as fields and Jaeger shows as tags. */
function fieldTags(span: SpanRecord): JaegerKeyValue[] {
  const tags: JaegerKeyValue[] = [];
  const add = (key: string, value: AttributeValue | null | undefined) => {
    if (value !== null && value !== undefined && value !== "") tags.push(jaegerKeyValue(key, value));
  };
  if (span.kind !== SpanKind.UNSPECIFIED) add("span.kind", spanKindName(span.kind));
  add("otel.status_code", STATUS_TEXT[span.statusCode]);
  if (span.statusCode === StatusCode.ERROR) add("error", true);
  add("otel.status_description", span.statusMessage);
  add("otel.scope.name", span.scopeName);
  add("otel.scope.version", span.scopeVersion);
  add("w3c.tracestate", span.traceState);
  return tags;
}

/** The process of each span: `p1`, `p2`, ... per (service, resource attributes), in span order. */
function processes() {
  const ids = new Map<string, string>();
  const byId: JaegerTrace["processes"] = {};
  const processOf = (span: SpanRecord) => {
    const key = JSON.stringify([span.serviceName, span.resourceAttributes]);
    let id = ids.get(key);
    if (!id) {
      ids.set(key, (id = `p${ids.size + 1}`));
      const tags = keyValues(span.resourceAttributes).filter((tag) => tag.key !== "service.name");
      byId[id] = { serviceName: span.serviceName, tags };
    }
    return id;
  };
  return { processOf, byId };
}

/**
 * One trace's spans (all of one trace id) as a Jaeger trace, spans by start time. A
 * Zipkin shared span's server half gets a new id, CHILD_OF its client half, and the
 * spans under the shared id hang from the server half, as Jaeger's deduper does.
 */
export function toJaegerTrace(records: readonly SpanRecord[]): JaegerTrace {
  const spans = [...records].sort(byStartTime);
  const idsOf = dedupeSharedSpanIds(spans);
  const { processOf, byId } = processes();
  const traceID = legacyTraceId(spans[0].traceId);
  const toSpan = (span: SpanRecord): JaegerSpan => {
    const { spanId, parentSpanId: parent } = idsOf(span);
    return {
      traceID,
      spanID: spanId,
      operationName: span.name,
      references: [
        ...(parent ? [{ refType: "CHILD_OF" as const, traceID, spanID: parent }] : []),
        ...span.links.map((link) => ({ refType: "FOLLOWS_FROM" as const, traceID: legacyTraceId(link.traceId), spanID: link.spanId })),
      ],
      startTime: micros(span.startTimeNs),
      duration: micros(span.endTimeNs - span.startTimeNs),
      tags: [...keyValues(span.attributes), ...fieldTags(span)],
      logs: span.events.map((event) => ({
        timestamp: micros(BigInt(event.timeNs)),
        fields: [jaegerKeyValue("event", event.name), ...keyValues(event.attributes)],
      })),
      processID: processOf(span),
      warnings: null,
    };
  };
  return { traceID, spans: spans.map(toSpan), processes: byId, warnings: null };
}
