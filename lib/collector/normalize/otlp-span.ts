import type { SpanEvent, SpanLink, SpanRecord } from "@/lib/domain/span-record";
import { FieldError, rethrowUnder, show } from "./field-error";
import { isObject } from "./is-object";
import { otlpAttributes } from "./otlp-any-value";
import { spanKindOf, statusCodeOf } from "./span-enums";
import { ALL_ZERO_ID, decodeId, type IdBytes } from "./span-ids";
import { parseUnixNanos } from "./unix-nanos";

/** What every span of one resource and scope shares; the records share these objects too. */
export interface OtlpSpanContext {
  serviceName: string;
  resourceAttributes: SpanRecord["resourceAttributes"];
  scopeName: string | null;
  scopeVersion: string | null;
}

type WireSpan = Record<string, unknown>;

const ID_NAMES = {
  16: "trace id (32 hex digits or 24 base64 characters)",
  8: "span id (16 hex digits or 12 base64 characters)",
} as const;

/**
 * One OTLP `Span` (trace.proto), in proto3 JSON form or as a decoded protobuf message, to a
 * record. Throws a FieldError naming the field when the span cannot be stored: a bad or
 * all-zero id, no name, a missing or malformed time, an end before the start, an unknown
 * kind or status code, a malformed attribute, event or link. An all-zero or empty
 * parentSpanId means a root span.
 */
export function normalizeOtlpSpan(span: unknown, context: OtlpSpanContext): SpanRecord {
  if (!isObject(span)) throw new FieldError("", `expected a Span object, got ${show(span)}`);
  const s: WireSpan = span;
  const traceId = id(s.traceId, 16, "traceId");
  const spanId = id(s.spanId, 8, "spanId");
  const startTimeNs = unixNanos(s.startTimeUnixNano, "startTimeUnixNano");
  const endTimeNs = unixNanos(s.endTimeUnixNano, "endTimeUnixNano");
  if (endTimeNs < startTimeNs)
    throw new FieldError("endTimeUnixNano", `${endTimeNs} is before startTimeUnixNano ${startTimeNs}`);
  const status = message(s.status, "status");
  return {
    traceId,
    spanId,
    parentSpanId: parentId(s.parentSpanId),
    name: name(s.name),
    kind: code(spanKindOf, s.kind ?? 0, "kind", "a SpanKind (0-5 or SPAN_KIND_*)"),
    startTimeNs,
    endTimeNs,
    statusCode: code(statusCodeOf, status.code ?? 0, "status.code", "a StatusCode (0-2 or STATUS_CODE_*)"),
    statusMessage: optionalString(status.message, "status.message"),
    serviceName: context.serviceName,
    resourceAttributes: context.resourceAttributes,
    attributes: attributes(s.attributes, "attributes"),
    events: list(s.events, "events", event),
    links: list(s.links, "links", link),
    scopeName: context.scopeName,
    scopeVersion: context.scopeVersion,
    traceState: optionalString(s.traceState, "traceState"),
  };
}

function id(value: unknown, bytes: IdBytes, field: string): string {
  const decoded = decodeId(value, bytes);
  if (decoded === null)
    throw new FieldError(field, value == null ? "missing" : `${show(value)} is not a ${ID_NAMES[bytes]}`);
  if (decoded === ALL_ZERO_ID[bytes]) throw new FieldError(field, "all zeros is not a valid id");
  return decoded;
}

function parentId(value: unknown): string | null {
  if (value == null || value === "" || (value instanceof Uint8Array && value.length === 0)) return null;
  const decoded = decodeId(value, 8);
  if (decoded === null) throw new FieldError("parentSpanId", `${show(value)} is not a ${ID_NAMES[8]}`);
  return decoded === ALL_ZERO_ID[8] ? null : decoded;
}

function name(value: unknown): string {
  if (typeof value === "string" && value !== "") return value;
  throw new FieldError(
    "name",
    value == null || value === "" ? "missing (a span needs a name)" : `expected a string, got ${show(value)}`,
  );
}

function unixNanos(value: unknown, field: string): bigint {
  const nanos = parseUnixNanos(value);
  if (nanos === null) {
    throw new FieldError(
      field,
      value == null
        ? "missing"
        : `${show(value)} is not unix nanoseconds (a positive int64, as a decimal string or a safe-integer number)`,
    );
  }
  return nanos;
}

function code<Code>(lookup: (value: unknown) => Code | null, value: unknown, field: string, what: string): Code {
  const found = lookup(value);
  if (found === null) throw new FieldError(field, `${show(value)} is not ${what}`);
  return found;
}

function message(value: unknown, field: string): WireSpan {
  if (value == null) return {};
  if (!isObject(value)) throw new FieldError(field, `expected an object, got ${show(value)}`);
  return value;
}

function optionalString(value: unknown, field: string): string | null {
  if (value == null || value === "") return null;
  if (typeof value !== "string") throw new FieldError(field, `expected a string, got ${show(value)}`);
  return value;
}

function attributes(value: unknown, field: string): SpanRecord["attributes"] {
  try {
    return otlpAttributes(value);
  } catch (error) {
    return rethrowUnder(error, field);
  }
}

function list<T>(value: unknown, field: string, convert: (item: WireSpan) => T): T[] {
  if (value == null) return [];
  if (!Array.isArray(value)) throw new FieldError(field, `expected an array, got ${show(value)}`);
  const out: T[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (!isObject(item)) throw new FieldError(`${field}.${i}`, `expected an object, got ${show(item)}`);
    try {
      out[i] = convert(item);
    } catch (error) {
      rethrowUnder(error, `${field}.${i}`);
    }
  }
  return out;
}

function event(e: WireSpan): SpanEvent {
  return {
    name: optionalString(e.name, "name") ?? "",
    timeNs: unixNanos(e.timeUnixNano, "timeUnixNano").toString(),
    attributes: attributes(e.attributes, "attributes"),
  };
}

function link(l: WireSpan): SpanLink {
  return {
    traceId: id(l.traceId, 16, "traceId"),
    spanId: id(l.spanId, 8, "spanId"),
    traceState: optionalString(l.traceState, "traceState"),
    attributes: attributes(l.attributes, "attributes"),
  };
}
