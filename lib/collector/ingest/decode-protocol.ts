import type { NormalizedBatch } from "@/lib/domain/span-record";
import type { DecoderName } from "../normalize/body-decoders";
import type { NormalizeLimits } from "../normalize";

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
  | { id: number; refused: { status: 400 | 413 | 415 | 429 | 503; message: string } }
  | { id: number; failed: string };

/**
 * Spans per message back to the request thread. Deserializing costs about 4 µs per span
 * here: 1,000 spans keep each turn near 4 ms, so the event loop answers between them.
 */
export const SPANS_PER_MESSAGE = 1_000;
