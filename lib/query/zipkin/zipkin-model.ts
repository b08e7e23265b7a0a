import type { ZipkinSpanOut, ZipkinTrace } from "@/lib/api/contracts/zipkin";
import { SpanKind, StatusCode, UNKNOWN_SERVICE, type Attributes, type SpanEvent, type SpanRecord } from "@/lib/domain/span-record";
import { NS_PER_US } from "@/lib/domain/time-units";
import { attributeText } from "../compat/attribute-text";
import { legacyTraceId } from "../compat/legacy-ids";
import { isSharedServerHalf, sharedSpanIds } from "../compat/shared-spans";
import { byStartTime } from "../compat/span-order";

/**
 * Span records in Zipkin's v2 JSON model: the inverse of the Zipkin normalizer
 * (lib/collector/normalize/zipkin.ts) as far as the record allows, and for spans that
 * came another way, what the OpenTelemetry Collector's Zipkin exporter writes.
 */

const ZIPKIN_KINDS: Partial<Record<number, ZipkinSpanOut["kind"]>> = {
  [SpanKind.CLIENT]: "CLIENT",
  [SpanKind.SERVER]: "SERVER",
  [SpanKind.PRODUCER]: "PRODUCER",
  [SpanKind.CONSUMER]: "CONSUMER",
};

/** Attributes the normalizer made of endpoint and span fields: they go back there, not into tags. */
const ENDPOINT_KEYS = new Set([
  "network.local.address",
  "network.local.port",
  "network.peer.address",
  "network.peer.port",
  "peer.service",
  "zipkin.shared",
  "zipkin.debug",
]);

type Endpoint = NonNullable<ZipkinSpanOut["localEndpoint"]>;

function endpoint(serviceName: string | undefined, attributes: Attributes, prefix: "network.local" | "network.peer"): Endpoint | undefined {
  const address = attributes[`${prefix}.address`];
  const port = attributes[`${prefix}.port`];
  const out: Endpoint = {
    ...(serviceName ? { serviceName } : {}),
    ...(typeof address === "string" ? (address.includes(":") ? { ipv6: address } : { ipv4: address }) : {}),
    ...(typeof port === "number" && port > 0 ? { port } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

function tags(span: SpanRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(span.resourceAttributes)) if (key !== "service.name") out[key] = attributeText(value);
  for (const [key, value] of Object.entries(span.attributes)) if (!ENDPOINT_KEYS.has(key)) out[key] = attributeText(value);
  if (span.kind === SpanKind.INTERNAL) out["span.kind"] = "internal";
  if (span.statusCode === StatusCode.ERROR) out.error = span.statusMessage || "true";
  if (span.statusCode === StatusCode.OK) out["otel.status_code"] = "OK";
  if (span.scopeName) out["otel.scope.name"] = span.scopeName;
  if (span.scopeVersion) out["otel.scope.version"] = span.scopeVersion;
  if (span.traceState) out["w3c.tracestate"] = span.traceState;
  return out;
}

/** An event as an annotation: its name, with its attributes as the Collector's Zipkin exporter writes them. */
function annotation(event: SpanEvent) {
  const attributes = Object.entries(event.attributes);
  const value = attributes.length
    ? `${event.name}|${JSON.stringify(Object.fromEntries(attributes.map(([key, item]) => [key, attributeText(item)])))}|0`
    : event.name;
  return { timestamp: Number(BigInt(event.timeNs) / NS_PER_US), value };
}

function zipkinSpan(span: SpanRecord, sharedServerHalf: boolean): ZipkinSpanOut {
  const durationNs = span.endTimeNs - span.startTimeNs;
  // Durations of less than a microsecond are rounded up (zipkin2-api.yaml).
  const duration = Number((durationNs + NS_PER_US - 1n) / NS_PER_US);
  const peerService = span.attributes["peer.service"];
  const spanTags = tags(span);
  return {
    traceId: legacyTraceId(span.traceId),
    ...(span.parentSpanId ? { parentId: span.parentSpanId } : {}),
    id: span.spanId,
    ...(ZIPKIN_KINDS[span.kind] ? { kind: ZIPKIN_KINDS[span.kind] } : {}),
    name: span.name,
    timestamp: Number(span.startTimeNs / NS_PER_US),
    ...(duration > 0 ? { duration } : {}),
    ...optional("localEndpoint", endpoint(span.serviceName === UNKNOWN_SERVICE ? undefined : span.serviceName, span.attributes, "network.local")),
    ...optional("remoteEndpoint", endpoint(typeof peerService === "string" ? peerService : undefined, span.attributes, "network.peer")),
    ...(span.events.length ? { annotations: span.events.map(annotation) } : {}),
    ...(Object.keys(spanTags).length ? { tags: spanTags } : {}),
    ...(sharedServerHalf || span.attributes["zipkin.shared"] === true ? { shared: true as const } : {}),
    ...(span.attributes["zipkin.debug"] === true ? { debug: true as const } : {}),
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** One trace's spans (all of one trace id) in Zipkin's v2 model, by timestamp. */
export function toZipkinTrace(records: readonly SpanRecord[]): ZipkinTrace {
  const shared = sharedSpanIds(records);
  return [...records]
    .sort(byStartTime)
    .map((span) => zipkinSpan(span, isSharedServerHalf(span, shared)));
}
