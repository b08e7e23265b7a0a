import { ALL_ZERO_PARENT_ID, ALL_ZERO_TRACE_ID, HEX_SPAN_ID, HEX_TRACE_ID } from "./validators";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  // Web Crypto: available in browsers, Node 20 and the Edge runtime alike.
  do {
    globalThis.crypto.getRandomValues(buf);
  } while (buf.every((b) => b === 0));
  let out = "";
  for (const b of buf) out += HEX[b];
  return out;
}

/** A random 16-byte trace-id, lowercase hex, never all zero. */
export function generateTraceId(): string {
  return randomHex(16);
}

/** A random 8-byte span (parent) id, lowercase hex, never all zero. */
export function generateSpanId(): string {
  return randomHex(8);
}

export function isValidTraceId(id: string): boolean {
  return HEX_TRACE_ID.test(id) && id !== ALL_ZERO_TRACE_ID;
}

export function isValidSpanId(id: string): boolean {
  return HEX_SPAN_ID.test(id) && id !== ALL_ZERO_PARENT_ID;
}
