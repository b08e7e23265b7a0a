import { deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readIngestBody } from "@/lib/collector/ingest/read-ingest-body";

const LIMIT = 1024;

function request(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/v1/traces", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body streamed in chunks, without a Content-Length the reader could trust. */
function streamed(bytes: Buffer, chunk = 100): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, (offset += chunk)));
    },
  });
}

describe("readIngestBody", () => {
  it.each([
    ["identity", Buffer.from("hello"), {}],
    ["gzip", gzipSync("hello"), { "content-encoding": "gzip" }],
    ["gzipUppercase", gzipSync("hello"), { "content-encoding": "GZIP" }],
    ["deflate", deflateSync("hello"), { "content-encoding": "deflate" }],
  ])("decodes_%s", async (_name, body, headers) => {
    expect((await readIngestBody(request(body, headers), LIMIT)).toString()).toBe("hello");
  });

  it.each([
    ["declaredTooLarge", () => request(Buffer.alloc(LIMIT + 1))],
    ["streamedTooLarge", () => request(streamed(Buffer.alloc(LIMIT * 3)) as unknown as BodyInit)],
    ["gzipBombInflatesPastLimit", () => request(gzipSync(Buffer.alloc(LIMIT * 1000)), { "content-encoding": "gzip" })],
  ])("refuses_%s_with413", async (_name, make) => {
    await expect(readIngestBody(make(), LIMIT)).rejects.toMatchObject({ status: 413 });
  });

  it("stops inflating a gzip bomb at the limit instead of inflating it in full", async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(LIMIT * 1024);
    const before = process.memoryUsage().arrayBuffers;
    await expect(readIngestBody(request(bomb, { "content-encoding": "gzip" }), 1024 * 1024)).rejects.toMatchObject({ status: 413 });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it.each([
    ["unknownEncoding", Buffer.from("x"), { "content-encoding": "br" }, 415],
    ["corruptGzip", Buffer.from("definitely not gzip"), { "content-encoding": "gzip" }, 400],
    ["truncatedGzip", gzipSync("hello world").subarray(0, 12), { "content-encoding": "gzip" }, 400],
  ])("refuses_%s", async (_name, body, headers, status) => {
    await expect(readIngestBody(request(body, headers), LIMIT)).rejects.toMatchObject({ status });
  });

  it("reads an empty body as zero bytes", async () => {
    expect((await readIngestBody(request(null), LIMIT)).length).toBe(0);
  });
});
