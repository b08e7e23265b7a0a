import { ALL_ZERO_PARENT_ID, ALL_ZERO_TRACE_ID, HEX_SPAN_ID, HEX_TRACE_ID } from "./validators";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * Random bytes are drawn a block at a time: one getRandomValues call costs far more
 * than the 8 or 16 bytes an id needs (Next.js also wraps the function with per-call
 * bookkeeping), and a block serves 256 span-ids.
 */
export const RANDOM_POOL_BYTES = 4096;
const pool = new Uint8Array(RANDOM_POOL_BYTES);
let poolOffset = RANDOM_POOL_BYTES;

function randomHex(bytes: number): string {
  for (;;) {
    if (poolOffset + bytes > RANDOM_POOL_BYTES) {
      // Web Crypto: available in browsers, Node 20 and the Edge runtime alike.
      globalThis.crypto.getRandomValues(pool);
      poolOffset = 0;
    }
    const end = poolOffset + bytes;
    let out = "";
    let allZero = true;
    for (let i = poolOffset; i < end; i++) {
      out += HEX[pool[i]];
      if (pool[i] !== 0) allZero = false;
    }
    poolOffset = end;
    if (!allZero) return out;
  }
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
