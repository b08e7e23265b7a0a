/**
 * Trace ids as Jaeger and Zipkin spell them: 128-bit ids whose upper half is zero (a
 * 64-bit id from a Zipkin or Jaeger tracer) are written with their 16 low digits, and
 * ids of 1 to 32 hex digits are read left-padded, as both read them.
 */

const HEX_ID = /^[0-9a-fA-F]{1,32}$/;
const ZERO_HIGH = "0000000000000000";

/** The stored 32-digit id as the legacy APIs write it. */
export function legacyTraceId(traceId: string): string {
  return traceId.startsWith(ZERO_HIGH) ? traceId.slice(16) : traceId;
}

/** A trace id as a client sends it, to the stored 32 lowercase digits; null when it is not 1 to 32 hex digits. */
export function storedTraceId(given: string): string | null {
  return HEX_ID.test(given) ? given.toLowerCase().padStart(32, "0") : null;
}
