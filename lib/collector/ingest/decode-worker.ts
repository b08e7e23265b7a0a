// The decode thread: parses and normalizes large ingest bodies off the event loop and
// answers with DecodeReplies (decode-thread.ts is the other side). Threads start it as
// dist/ingest-decode-worker.mjs, bundled at build time (scripts/lib/bundles.mjs).
import { serialize } from "node:v8";
import { parentPort } from "node:worker_threads";
import { BODY_DECODERS } from "../normalize/body-decoders";
import { type DecodeReply, type DecodeRequest, SPANS_PER_MESSAGE, transferableBytes } from "./decode-protocol";
import { asIngestError } from "./ingest-errors";

const port = parentPort!;

function decode({ id, decoder, body, mediaType, limits }: DecodeRequest): void {
  const reply = (message: DecodeReply) => port.postMessage(message);
  let batch;
  try {
    batch = BODY_DECODERS[decoder](body, mediaType, limits);
  } catch (error) {
    const refused = asIngestError(error);
    reply(refused ? { id, refused: { status: refused.status, message: refused.message } } : { id, failed: String(error) });
    return;
  }
  for (let start = 0; start < batch.spans.length; start += SPANS_PER_MESSAGE) {
    const owned = transferableBytes(serialize(batch.spans.slice(start, start + SPANS_PER_MESSAGE)));
    port.postMessage({ id, spans: owned } satisfies DecodeReply, [owned.buffer as ArrayBuffer]);
  }
  reply({ id, done: { rejected: batch.rejected, errors: batch.errors } });
}

port.on("message", decode);
