import { z } from "zod";
import { MAX_VALUE_NESTING } from "../normalize/attributes";
import { isObject } from "../normalize/is-object";
import { jsonAttributes } from "../normalize/json-attributes";
import { spanKindOf, statusCodeOf } from "../normalize/span-enums";
import { isoToUnixNanos, millisToUnixNanos, parseUnixNanos } from "../normalize/unix-nanos";
import { converted } from "./converted";
import { hexId, parentSpanHexId } from "./hex-id";

/**
 * The native batch for simple clients (`POST /api/tracing/spans`):
 * `{ "service_name"?: string, "spans": [NativeSpan, …] }`, or a bare array of spans.
 *
 * Times (`start_time`, `end_time`, event `time`), exact to the nanosecond:
 * - an ISO 8601 string with an offset and up to 9 fractional digits,
 *   `"2025-01-02T03:04:05.123456789Z"`;
 * - a string of digits: unix NANOseconds, `"1735787045123456789"`;
 * - a JSON number: unix MILLIseconds, as `Date.now()` gives them (fractions allowed).
 */

const DIGITS_ONLY = /^\d+$/;

function nativeTimeToNanos(value: string | number): bigint | null {
  if (typeof value === "number") return millisToUnixNanos(value);
  return DIGITS_ONLY.test(value) ? parseUnixNanos(value) : isoToUnixNanos(value);
}

/** A string or a number converted by `convert`; either failing is one issue saying what is expected. */
function stringOrNumber<Output>(convert: (value: string | number) => Output | null, expected: string) {
  return converted(z.union([z.string(), z.number()], { error: expected }), convert, expected);
}

const NativeTime = stringOrNumber(
  nativeTimeToNanos,
  "expected an ISO 8601 time with an offset, a string of unix nanoseconds, or a number of unix milliseconds",
).meta({
  description: "An ISO 8601 time with an offset (up to 9 fractional digits), a string of unix nanoseconds, or a number of unix milliseconds",
});

/** `server`, `client`, … (any case) or the OTLP number 0-5; absent means internal, as in the OpenTelemetry API. */
const NativeKind = stringOrNumber(
  spanKindOf,
  "expected unspecified, internal, server, client, producer, consumer or 0-5",
).meta({ description: "unspecified, internal, server, client, producer or consumer (any case), or the OTLP number 0-5; absent means internal" });

/** `"error"`, or `{ "code": "error", "message": "…" }`. */
const NativeStatus = z.preprocess(
  (status) => (typeof status === "string" || typeof status === "number" ? { code: status } : status),
  z.object({ code: stringOrNumber(statusCodeOf, "expected unset, ok, error or 0-2"), message: z.string().nullish() }),
).meta({ description: 'unset, ok or error (or 0-2), as a string or as `{ "code": "error", "message": "…" }`' });

/** An object of any JSON values, typed by `jsonAttributes`. */
const JsonAttributes = converted(
  z.custom<Record<string, unknown>>(isObject, "expected an object of attributes"),
  jsonAttributes,
  `expected arrays and objects nested at most ${MAX_VALUE_NESTING} levels deep`,
).meta({ description: `An object of any JSON values (arrays and objects nested at most ${MAX_VALUE_NESTING} levels deep)` });

export const NativeEvent = z.object({
  name: z.string(),
  time: NativeTime,
  attributes: JsonAttributes.nullish(),
});
export type NativeEvent = z.infer<typeof NativeEvent>;

export const NativeSpan = z
  .object({
    name: z.string().min(1),
    trace_id: hexId(32),
    span_id: hexId(16),
    parent_span_id: parentSpanHexId(),
    kind: NativeKind.nullish(),
    status: NativeStatus.nullish(),
    start_time: NativeTime,
    end_time: NativeTime,
    attributes: JsonAttributes.nullish(),
    events: z.array(NativeEvent).nullish(),
    /** Overrides the batch's `service_name` for this span. */
    service_name: z.string().min(1).nullish(),
  })
  .refine((span) => span.end_time >= span.start_time, { path: ["end_time"], message: "is before start_time" });
export type NativeSpan = z.infer<typeof NativeSpan>;

/** The batch envelope around spans of schema `span`: a bare array, or an object with a default service name. */
export function nativeSpanBatchOf<S extends z.ZodType>(span: S) {
  return z.union([
    z.array(span),
    z.object({
      service_name: z.string().min(1).nullish().meta({ description: "Service of every span that names none" }),
      spans: z.array(span),
    }),
  ]);
}

/** Spans are checked one by one (`NativeSpan`) so a bad span rejects only itself. */
export const NativeSpanBatch = nativeSpanBatchOf(z.unknown());
export type NativeSpanBatch = z.infer<typeof NativeSpanBatch>;
