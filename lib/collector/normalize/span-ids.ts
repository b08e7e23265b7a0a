import { ALL_ZERO_PARENT_ID, ALL_ZERO_TRACE_ID, HEX_SPAN_ID, HEX_TRACE_ID } from "@/lib/trace-context/validators";
import { bytesToHex, decodeBase64 } from "./bytes";

/** Size in bytes of a trace id (16) or a span id (8). */
export type IdBytes = 16 | 8;

const HEX_PATTERN = { 16: HEX_TRACE_ID, 8: HEX_SPAN_ID } as const;
export const ALL_ZERO_ID = { 16: ALL_ZERO_TRACE_ID, 8: ALL_ZERO_PARENT_ID } as const;

/**
 * An OTLP trace or span id as lowercase hex, or null when `value` is not one.
 *
 * - A string of 2×bytes characters is hex (OTLP/JSON; case-insensitive).
 * - Any other string is base64, as senders using the plain proto3 JSON mapping write it:
 *   16 bytes are 24 characters (22 unpadded), 8 bytes are 12 (11). Hex and base64 never
 *   share a length, so the length alone decides.
 * - A Uint8Array of `bytes` bytes is a raw id, as protobuf decoding yields it.
 *
 * All-zero ids come back as such (`ALL_ZERO_ID`); callers decide what they mean.
 */
export function decodeId(value: unknown, bytes: IdBytes): string | null {
  if (typeof value === "string") {
    if (value.length === bytes * 2) {
      const id = value.toLowerCase();
      return HEX_PATTERN[bytes].test(id) ? id : null;
    }
    if (value.length > Math.ceil(bytes / 3) * 4) return null;
    const raw = decodeBase64(value);
    return raw !== null && raw.length === bytes ? raw.toString("hex") : null;
  }
  if (value instanceof Uint8Array) return value.length === bytes ? bytesToHex(value) : null;
  return null;
}
