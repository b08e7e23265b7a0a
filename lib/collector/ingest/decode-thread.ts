import { existsSync } from "node:fs";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { deserialize } from "node:v8";
import { Worker } from "node:worker_threads";
import type { NormalizedBatch, SpanRecord } from "@/lib/domain/span-record";
import { BODY_DECODERS, type DecoderName } from "../normalize/body-decoders";
import type { NormalizeLimits } from "../normalize";
import { type DecodeReply, type DecodeRequest, transferableBytes } from "./decode-protocol";
import { IngestError } from "./ingest-errors";

/**
 * Bodies from this size up are decoded on the decode thread. Below it decoding inline
 * is cheaper than the hand-off and short enough for the event loop: a 512 KiB OTLP JSON
 * body (about 730 spans) parses and normalizes in about 6 ms here, a 7 MB one (10,000
 * spans) in 75 ms, during which no other request is answered.
 */
export const OFF_THREAD_MIN_BYTES = 512 * 1024;

/**
 * The decode thread as plain JavaScript: decode-worker.ts bundled by esbuild at build time
 * (scripts/lib/bundles.mjs), since a Next.js server bundle cannot start a worker from its
 * own chunks. Resolved from the project root, like the SQLite writer thread.
 */
const WORKER_ENTRY = path.join(process.cwd(), "dist/ingest-decode-worker.mjs");

interface Pending {
  /** Serialized slices of the spans, as they came (decode-protocol.ts). */
  slices: Uint8Array[];
  resolve(batch: NormalizedBatch): void;
  reject(error: Error): void;
}

/**
 * One worker thread decoding large bodies in the order they come. The spans come back
 * in several messages, so receiving them never blocks the event loop long either. The
 * thread keeps the process alive only while a body is being decoded; one that dies
 * fails its pending bodies, and the next body starts a new one.
 */
class DecodeThread {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  decode(decoder: DecoderName, body: Uint8Array, mediaType: string, limits: NormalizeLimits): Promise<NormalizedBatch> {
    const worker = (this.worker ??= this.start());
    const id = (this.nextId += 1);
    const owned = transferableBytes(body);
    const request: DecodeRequest = { id, decoder, body: owned, mediaType, limits };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { slices: [], resolve, reject });
      worker.ref();
      worker.postMessage(request, [owned.buffer as ArrayBuffer]);
    });
  }

  private start(): Worker {
    const worker = new Worker(WORKER_ENTRY);
    worker.on("message", (reply: DecodeReply) => this.receive(reply));
    // Wrapped, so that no error of the thread itself (a SyntaxError loading it) reads as the client's malformed body.
    worker.on("error", (error) => this.failAll(worker, threadError(error)));
    worker.on("exit", (code) => this.failAll(worker, new Error(`the ingest decode thread exited (code ${code})`)));
    worker.unref();
    return worker;
  }

  private receive(reply: DecodeReply): void {
    const call = this.pending.get(reply.id);
    if (!call) return;
    if ("spans" in reply) {
      call.slices.push(reply.spans);
      return;
    }
    this.settle(reply.id);
    if ("done" in reply) {
      const { done } = reply;
      deserializeInTurns(call.slices).then((spans) => call.resolve({ spans, ...done }), call.reject);
    } else if ("refused" in reply) {
      call.reject(new IngestError(reply.refused.status, reply.refused.message));
    } else {
      call.reject(new Error(`decoding the body failed: ${reply.failed}`));
    }
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
  }

  private failAll(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}

/** The spans of the slices in order, one slice per turn of the event loop. */
async function deserializeInTurns(slices: readonly Uint8Array[]): Promise<SpanRecord[]> {
  const spans: SpanRecord[] = [];
  for (const [i, slice] of slices.entries()) {
    if (i > 0) await nextTurn();
    for (const span of deserialize(slice) as SpanRecord[]) spans.push(span);
  }
  return spans;
}

function threadError(error: Error): Error {
  if (!existsSync(WORKER_ENTRY)) return new Error(`the ingest decode thread is not built (${WORKER_ENTRY}): run \`npm run build\``, { cause: error });
  return new Error(`the ingest decode thread failed: ${error.message}`, { cause: error });
}

// On globalThis: Next.js bundles each ingest route separately, and one thread serves them all.
const state = globalThis as unknown as { traceboardDecodeThread?: DecodeThread };

/**
 * Decodes a request body with the named decoder: inline when it is small, else on the
 * decode thread, so a large or hostile body never holds the event loop for long.
 */
export async function decodeBody(decoder: DecoderName, body: Buffer, mediaType: string, limits: NormalizeLimits): Promise<NormalizedBatch> {
  if (body.length < OFF_THREAD_MIN_BYTES) return BODY_DECODERS[decoder](body, mediaType, limits);
  state.traceboardDecodeThread ??= new DecodeThread();
  return state.traceboardDecodeThread.decode(decoder, body, mediaType, limits);
}
