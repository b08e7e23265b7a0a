import type { NormalizedBatch } from "@/lib/domain/span-record";
import type { DecoderName } from "../normalize/body-decoders";
import type { NormalizeLimits } from "../normalize";
import type { IngestError } from "./ingest-errors";

/** One body to decode on the decode thread (decode-worker.ts). */
export interface DecodeRequest {
  id: number;
  decoder: DecoderName;
  body: Uint8Array;
  mediaType: string;
  limits: NormalizeLimits;
}

/**
 * What the decode thread answers, in order: the spans in messages of at most
 * SPANS_PER_MESSAGE, then `done`; or `refused` (the client's fault: a 4xx) or `failed`.
 * Spans travel as `v8.serialize`d SpanRecord[] in transferred memory: a thread drains
 * every message waiting on its port in one go, so spans sent as objects would all be
 * deserialized in one block (200 ms for 50,000 here); as bytes they arrive at once and
 * are deserialized a slice per turn of the event loop.
 */
export type DecodeReply =
  | { id: number; spans: Uint8Array }
  | { id: number; done: Omit<NormalizedBatch, "spans"> }
  | { id: number; refused: { status: IngestError["status"]; message: string } }
  | { id: number; failed: string };

/**
 * Spans per message back to the request thread. Deserializing costs about 4 µs per span
 * here: 1,000 spans keep each turn near 4 ms, so the event loop answers between them.
 */
export const SPANS_PER_MESSAGE = 1_000;

/**
 * Bytes whose memory can be transferred with a message: `bytes` itself when it owns its
 * whole buffer, else a copy (a Buffer is often a view into a larger one, and transferring
 * that would detach the owner; the typed-array slice copies, Buffer#slice would not).
 */
export function transferableBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
}
