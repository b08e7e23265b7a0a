import { gunzipSync, inflateSync } from "node:zlib";
import { IngestError } from "./ingest-errors";

const DECOMPRESSORS: Record<string, (body: Buffer, maxOutputLength: number) => Buffer> = {
  gzip: (body, maxOutputLength) => gunzipSync(body, { maxOutputLength }),
  "x-gzip": (body, maxOutputLength) => gunzipSync(body, { maxOutputLength }),
  deflate: (body, maxOutputLength) => inflateSync(body, { maxOutputLength }),
};

function tooLarge(maxBytes: number): IngestError {
  return new IngestError(413, `Request body exceeds the limit of ${maxBytes} bytes (TRACEBOARD_MAX_BODY_BYTES)`);
}

/** Reads the raw body, stopping as soon as it passes `maxBytes`. */
async function readLimited(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The request body, decompressed per Content-Encoding (gzip, deflate or none). The
 * limit applies to the decompressed size, and inflation stops at the limit, so a small
 * gzip bomb is refused without being inflated in full.
 */
export async function readIngestBody(request: Request, maxBytes: number): Promise<Buffer> {
  const raw = await readLimited(request, maxBytes);
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return raw;
  const decompress = DECOMPRESSORS[encoding];
  if (!decompress) throw new IngestError(415, `Unsupported Content-Encoding "${encoding}"; use gzip, deflate or none`);
  try {
    return decompress(raw, maxBytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
    throw new IngestError(400, `Body is not valid ${encoding} data: ${(error as Error).message}`);
  }
}
