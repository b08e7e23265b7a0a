import {
  SpanKind,
  StatusCode,
  UNKNOWN_SERVICE,
  type Attributes,
  type NormalizedBatch,
  type SpanRecord,
} from "@/lib/domain/span-record";
import { ZipkinSpan, ZipkinSpanList, type ZipkinEndpoint } from "../wire/zipkin-span";
import { setAttribute } from "./attributes";
import { IngestFormatError } from "./ingest-format-error";
import { normalizeEach } from "./normalize-each";
import { checkItemCount, type NormalizeLimits } from "./normalize-limits";
import { statusCodeOf } from "./span-enums";
import { firstIssueMessage } from "./zod-issue";

/**
 * A Zipkin v2 JSON upload (an array of spans) to span records, mapped as the OpenTelemetry
 * Collector's Zipkin receiver does (pkg/translator/zipkin/zipkinv2/to_translator.go):
 * tags become string attributes, annotations events, `localEndpoint.serviceName` the
 * service name (as sent; Zipkin itself lowercases it); tags the collector reads as span
 * fields (status, tracestate, scope) become those fields. The remote endpoint uses today's
 * semantic conventions (`network.peer.*`) rather than the collector's `net.peer.*`.
 */
export function normalizeZipkinSpans(document: unknown, limits?: NormalizeLimits): NormalizedBatch {
  checkItemCount(Array.isArray(document) ? document.length : 0, limits);
  const spans = ZipkinSpanList.safeParse(document);
  if (!spans.success)
    throw new IngestFormatError(
      `Malformed Zipkin upload, expected an array of spans: ${firstIssueMessage(spans.error, [])}`,
    );
  return normalizeEach(spans.data, [], ZipkinSpan, zipkinSpanRecord, limits);
}

const ZIPKIN_KINDS = {
  CLIENT: SpanKind.CLIENT,
  SERVER: SpanKind.SERVER,
  PRODUCER: SpanKind.PRODUCER,
  CONSUMER: SpanKind.CONSUMER,
} as const;

/** Zipkin's own placeholder for a span whose name is not known. */
const UNKNOWN_NAME = "unknown";

function zipkinSpanRecord(span: ZipkinSpan): SpanRecord {
  const tags = new Map(Object.entries(span.tags ?? {}).map(([key, value]) => [key, String(value)]));
  const take = (key: string): string | undefined => {
    const value = tags.get(key);
    tags.delete(key);
    return value;
  };
  const kind = span.kind
    ? ZIPKIN_KINDS[span.kind]
    : take("span.kind") === "internal"
      ? SpanKind.INTERNAL
      : SpanKind.UNSPECIFIED;
  const { statusCode, statusMessage } = status(
    take("otel.status_code"),
    take("otel.status_description"),
    take("error"),
  );
  const serviceName = span.localEndpoint?.serviceName || null;
  const traceState = take("w3c.tracestate") || null;
  const scopeName = (take("otel.scope.name") ?? take("otel.library.name")) || null;
  const scopeVersion = (take("otel.scope.version") ?? take("otel.library.version")) || null;
  return {
    traceId: span.traceId,
    spanId: span.id,
    parentSpanId: span.parentId === span.id ? null : span.parentId,
    name: span.name || UNKNOWN_NAME,
    kind,
    startTimeNs: span.timestamp,
    endTimeNs: span.timestamp + BigInt(span.duration ?? 0) * 1000n,
    statusCode,
    statusMessage,
    serviceName: serviceName ?? UNKNOWN_SERVICE,
    resourceAttributes: serviceName === null ? {} : { "service.name": serviceName },
    attributes: attributes(span, tags),
    events: (span.annotations ?? []).map((annotation) => ({
      name: annotation.value,
      timeNs: annotation.timestamp.toString(),
      attributes: {},
    })),
    links: [],
    scopeName,
    scopeVersion,
    traceState,
  };
}

/**
 * OpenTelemetry's Zipkin exporter writes `otel.status_code` (OK or ERROR) and, for errors,
 * the description in `error`; Brave and other Zipkin tracers set `error` to the message
 * alone (or "true").
 */
function status(otelCode: string | undefined, otelDescription: string | undefined, error: string | undefined) {
  if (error !== undefined) {
    const message = error === "" || error === "true" ? otelDescription : error;
    return { statusCode: StatusCode.ERROR, statusMessage: message || null };
  }
  const statusCode = (otelCode === undefined ? null : statusCodeOf(otelCode)) ?? StatusCode.UNSET;
  return { statusCode, statusMessage: (statusCode === StatusCode.ERROR && otelDescription) || null };
}

function attributes(span: ZipkinSpan, tags: Map<string, string>): Attributes {
  const out: Attributes = {};
  endpointAttributes(out, span.localEndpoint, "network.local");
  endpointAttributes(out, span.remoteEndpoint, "network.peer");
  if (span.remoteEndpoint?.serviceName) out["peer.service"] = span.remoteEndpoint.serviceName;
  if (span.shared) out["zipkin.shared"] = true;
  if (span.debug) out["zipkin.debug"] = true;
  for (const [key, value] of tags) setAttribute(out, key, value);
  return out;
}

function endpointAttributes(
  out: Attributes,
  endpoint: ZipkinEndpoint | null | undefined,
  prefix: "network.local" | "network.peer",
): void {
  const address = endpoint?.ipv6 || endpoint?.ipv4;
  if (address) out[`${prefix}.address`] = address;
  if (endpoint?.port) out[`${prefix}.port`] = endpoint.port;
}
