import { z } from "zod";
import { isObject } from "../normalize/is-object";
import { MAX_UNIX_NANOS, MAX_UNIX_NANOS_TEXT, microsToUnixNanos } from "../normalize/unix-nanos";
import { converted } from "./converted";
import { hexId, parentSpanHexId } from "./hex-id";

/**
 * One span of a Zipkin v2 JSON upload (zipkin2-api.yaml, `POST /api/v2/spans`). Times are
 * epoch microseconds and become exact nanoseconds here. Ids follow Zipkin's own reader:
 * up to 32 (trace) or 16 (span) hex digits, left-padded with zeros. Null means absent.
 */

type ZipkinTags = Record<string, string | number | boolean>;

function isZipkinTags(value: unknown): value is ZipkinTags {
  if (!isObject(value)) return false;
  for (const key in value) {
    const type = typeof value[key];
    if (type !== "string" && type !== "number" && type !== "boolean") return false;
  }
  return true;
}

const UnixMicrosAsNanos = converted(
  z.number().int(),
  microsToUnixNanos,
  `expected epoch microseconds after 1970 and before ${MAX_UNIX_NANOS_TEXT}`,
).meta({ description: "Epoch microseconds" });

export const ZipkinEndpoint = z.object({
  serviceName: z.string().nullish(),
  ipv4: z.string().nullish(),
  ipv6: z.string().nullish(),
  port: z.number().int().nullish(),
});
export type ZipkinEndpoint = z.infer<typeof ZipkinEndpoint>;

export const ZipkinAnnotation = z.object({
  timestamp: UnixMicrosAsNanos,
  value: z.string(),
});
export type ZipkinAnnotation = z.infer<typeof ZipkinAnnotation>;

export const ZipkinSpan = z.object({
  traceId: hexId(32, 1),
  id: hexId(16, 1),
  parentId: parentSpanHexId(1),
  name: z.string().nullish(),
  kind: z.enum(["CLIENT", "SERVER", "PRODUCER", "CONSUMER"]).nullish(),
  timestamp: UnixMicrosAsNanos,
  /** Microseconds; absent for a span whose end was not recorded. */
  duration: z.number().int().nonnegative().nullish(),
  localEndpoint: ZipkinEndpoint.nullish(),
  remoteEndpoint: ZipkinEndpoint.nullish(),
  annotations: z.array(ZipkinAnnotation).nullish(),
  /** Zipkin tags are strings; numbers and booleans from lenient clients are kept as their text. */
  tags: z
    .custom<ZipkinTags>(isZipkinTags, "expected an object of string, number or boolean values")
    .meta({ description: "An object of string values (numbers and booleans are kept as their text)" })
    .nullish(),
  debug: z.boolean().nullish(),
  /** A server span that shares its id with the client span that called it (B3 single-span RPC). */
  shared: z.boolean().nullish(),
  // zod runs object refinements even when a field failed; a failed timestamp is then not a bigint.
}).refine((span) => typeof span.timestamp !== "bigint" || span.timestamp + BigInt(span.duration ?? 0) * 1_000n <= MAX_UNIX_NANOS, {
  path: ["duration"],
  message: "timestamp + duration ends after the year 2262 (the int64 nanosecond limit)",
});
export type ZipkinSpan = z.infer<typeof ZipkinSpan>;

/** The upload is an array of spans; each is checked on its own so one bad span rejects only itself. */
export const ZipkinSpanList = z.array(z.unknown());
export type ZipkinSpanList = z.infer<typeof ZipkinSpanList>;
