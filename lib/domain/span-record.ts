/**
 * The one internal span record every wire format is normalized into. Times are exact
 * unix nanoseconds as bigint; nothing here passes through a float.
 */

export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;
export type SpanKind = (typeof SpanKind)[keyof typeof SpanKind];
export const SPAN_KIND_NAMES = ["unspecified", "internal", "server", "client", "producer", "consumer"] as const;

/** A stored span id: 8 bytes as 16 lowercase hex digits (ingest decodes and checks them). */
export const SPAN_ID_HEX_DIGITS = 16;

export const StatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];
export const STATUS_CODE_NAMES = ["unset", "ok", "error"] as const;

/**
 * A typed attribute value in its stored (JSON) form. Strings, booleans and arrays are
 * themselves; an int64 within ±(2^53-1) is a JSON number, a larger one `{int: "decimal"}`;
 * a double is always `{double}` (so 200.0 and 200 stay apart); bytes are base64; a
 * key-value list is `{kvlist}`. Any JSON object is therefore a tagged wrapper.
 */
export type AttributeValue =
  | string
  | boolean
  | number
  | { int: string }
  | { double: number | "NaN" | "Infinity" | "-Infinity" }
  | { bytes: string }
  | { kvlist: Attributes }
  | AttributeValue[];
export type Attributes = { [key: string]: AttributeValue };

export interface SpanEvent {
  name: string;
  /** Unix nanoseconds, decimal string (JSON-safe). */
  timeNs: string;
  attributes: Attributes;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState: string | null;
  attributes: Attributes;
}

export interface SpanRecord {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKind;
  startTimeNs: bigint;
  endTimeNs: bigint;
  statusCode: StatusCode;
  statusMessage: string | null;
  /** Resource `service.name`, else `unknown_service`. */
  serviceName: string;
  resourceAttributes: Attributes;
  attributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
  scopeName: string | null;
  scopeVersion: string | null;
  traceState: string | null;
}

export const UNKNOWN_SERVICE = "unknown_service";

/** What a normalizer made of one request: the spans it accepted and why others were rejected. */
export interface NormalizedBatch {
  spans: SpanRecord[];
  rejected: number;
  /** Distinct reasons, for a partial-success message; at most a few. */
  errors: string[];
}
