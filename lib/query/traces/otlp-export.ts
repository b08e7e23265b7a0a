import type { OtlpSpan, OtlpTraceExport } from "@/lib/api/contracts/otlp-trace";
import type { SpanRecord } from "@/lib/domain/span-record";
import { toOtlpKeyValues } from "./otlp-any-value";

type ResourceSpans = OtlpTraceExport["resourceSpans"][number];

function toOtlpSpan(span: SpanRecord): OtlpSpan {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    ...(span.traceState ? { traceState: span.traceState } : {}),
    name: span.name,
    kind: span.kind,
    startTimeUnixNano: span.startTimeNs.toString(),
    endTimeUnixNano: span.endTimeNs.toString(),
    attributes: toOtlpKeyValues(span.attributes),
    events: span.events.map((event) => ({ timeUnixNano: event.timeNs, name: event.name, attributes: toOtlpKeyValues(event.attributes) })),
    links: span.links.map((link) => ({
      traceId: link.traceId,
      spanId: link.spanId,
      ...(link.traceState ? { traceState: link.traceState } : {}),
      attributes: toOtlpKeyValues(link.attributes),
    })),
    status: { code: span.statusCode, ...(span.statusMessage ? { message: span.statusMessage } : {}) },
  };
}

/** The resource as sent; `service.name` added when the span came without one (Zipkin, native), so an importer keeps the service. */
function resourceOf(span: SpanRecord): ResourceSpans["resource"] {
  const attributes = "service.name" in span.resourceAttributes ? span.resourceAttributes : { "service.name": span.serviceName, ...span.resourceAttributes };
  return { attributes: toOtlpKeyValues(attributes) };
}

/**
 * Spans as an OTLP/JSON ExportTraceServiceRequest: one resourceSpans per (service,
 * resource attributes), within it one scopeSpans per (scope name, version); hex ids,
 * int64 as decimal strings, typed AnyValues.
 */
export function toOtlpExport(spans: readonly SpanRecord[]): OtlpTraceExport {
  const resources = new Map<string, { resource: ResourceSpans["resource"]; scopes: Map<string, ResourceSpans["scopeSpans"][number]> }>();
  for (const span of spans) {
    const resourceKey = JSON.stringify([span.serviceName, span.resourceAttributes]);
    let resource = resources.get(resourceKey);
    if (!resource) resources.set(resourceKey, (resource = { resource: resourceOf(span), scopes: new Map() }));
    const scopeKey = JSON.stringify([span.scopeName, span.scopeVersion]);
    let scope = resource.scopes.get(scopeKey);
    if (!scope) {
      const identity = { ...(span.scopeName ? { name: span.scopeName } : {}), ...(span.scopeVersion ? { version: span.scopeVersion } : {}) };
      resource.scopes.set(scopeKey, (scope = { scope: identity, spans: [] }));
    }
    scope.spans.push(toOtlpSpan(span));
  }
  return { resourceSpans: [...resources.values()].map(({ resource, scopes }) => ({ resource, scopeSpans: [...scopes.values()] })) };
}
