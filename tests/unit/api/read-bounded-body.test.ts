import { randomBytes } from "node:crypto";
import { deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BodyReadError, readBoundedBody } from "@/lib/api/read-bounded-body";

const LIMIT = { maxBytes: 1024, setting: "TEST_LIMIT" };
const MiB = 1024 * 1024;

function request(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body streamed in `chunk`-byte pieces only when read (no read-ahead), counting what was pulled from it. */
function counted(bytes: Buffer, chunk: number) {
  const source = { pulled: 0, cancelled: false, stream: null as unknown as ReadableStream<Uint8Array> };
  source.stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (source.pulled >= bytes.length) return controller.close();
        const piece = bytes.subarray(source.pulled, source.pulled + chunk);
        source.pulled += piece.length;
        controller.enqueue(piece);
      },
      cancel() {
        source.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return source;
}

/** A gzip bomb: `members` gzip members of 16 MiB of zeros each (gunzip reads concatenated members as one stream). */
function gzipBomb(members: number): Buffer {
  const member = gzipSync(Buffer.alloc(16 * MiB));
  return Buffer.concat(Array.from({ length: members }, () => member));
}

/** JSON-like text that compresses about 5:1, so inflating it takes real work. */
function spanLikeText(bytes: number): Buffer {
  const lines: string[] = [];
  for (let length = 0; length < bytes; length += 100) {
    lines.push(`{"traceId":"${randomBytes(16).toString("hex")}","name":"GET /api/checkout","kind":2},`.padEnd(99) + "\n");
  }
  return Buffer.from(lines.join("")).subarray(0, bytes);
}

describe("readBoundedBody", () => {
  it.each([
    ["identity", Buffer.from("hello"), {}],
    ["identityNamed", Buffer.from("hello"), { "content-encoding": "identity" }],
    ["gzip", gzipSync("hello"), { "content-encoding": "gzip" }],
    ["xGzip", gzipSync("hello"), { "content-encoding": "x-gzip" }],
    ["deflate", deflateSync("hello"), { "content-encoding": "deflate" }],
  ])("reads_%s", async (_name, body, headers) => {
    expect((await readBoundedBody(request(body, headers), LIMIT)).toString()).toBe("hello");
  });

  it("reads a body of exactly the limit", async () => {
    expect((await readBoundedBody(request(Buffer.alloc(LIMIT.maxBytes, 1)), LIMIT)).length).toBe(LIMIT.maxBytes);
  });

  it("names the limit and its setting in the 413", async () => {
    const refused = readBoundedBody(request(Buffer.alloc(LIMIT.maxBytes + 1)), LIMIT);
    await expect(refused).rejects.toBeInstanceOf(BodyReadError);
    await expect(refused).rejects.toMatchObject({ status: 413, message: "Request body exceeds the limit of 1024 bytes (TEST_LIMIT)" });
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const source = counted(Buffer.alloc(10 * LIMIT.maxBytes), 100);
    const declared = request(source.stream as unknown as BodyInit, { "content-length": String(10 * LIMIT.maxBytes) });
    await expect(readBoundedBody(declared, LIMIT)).rejects.toMatchObject({ status: 413 });
    expect(source.pulled).toBe(0);
  });

  it("stops reading a streamed body without Content-Length at the limit", async () => {
    const source = counted(Buffer.alloc(100 * LIMIT.maxBytes), 100);
    await expect(readBoundedBody(request(source.stream as unknown as BodyInit), LIMIT)).rejects.toMatchObject({ status: 413 });
    expect(source.pulled).toBeLessThan(20 * LIMIT.maxBytes);
    expect(source.cancelled).toBe(true);
  });

  it("inflates a gzip bomb only up to the limit, never reading (let alone buffering) most of it", async () => {
    const bomb = gzipBomb(64); // ~1 MiB that inflates to 1 GiB
    const source = counted(bomb, 1024);
    const limit = { maxBytes: MiB, setting: "TEST_LIMIT" };
    const gzipped = request(source.stream as unknown as BodyInit, { "content-encoding": "gzip" });
    await expect(readBoundedBody(gzipped, limit)).rejects.toMatchObject({ status: 413 });
    // About 1 KiB of it inflates to the limit; stream buffers read a little ahead of that.
    expect(source.pulled).toBeLessThan(bomb.length / 8);
    expect(source.cancelled).toBe(true);
  });

  it("keeps the event loop responsive while inflating a ~15 MiB body", { timeout: 60_000 }, async () => {
    const text = spanLikeText(15 * MiB);
    const body = gzipSync(text, { level: 1 });
    const limit = { maxBytes: 20 * MiB, setting: "TEST_LIMIT" };
    /** The longest wait of a 5 ms timer while the body is read, and how often it fired. */
    const measure = async () => {
      let last = performance.now();
      let longestGapMs = 0;
      let ticks = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        longestGapMs = Math.max(longestGapMs, now - last);
        last = now;
        ticks += 1;
      }, 5);
      try {
        const inflated = await readBoundedBody(request(body, { "content-encoding": "gzip" }), limit);
        expect(inflated.equals(text)).toBe(true);
      } finally {
        clearInterval(timer);
      }
      return { longestGapMs: Math.max(longestGapMs, performance.now() - last), ticks };
    };
    // A synchronous inflate blocks the loop for all of it (400 ms on a loaded 2-core machine)
    // in every attempt; a second attempt only forgives a shared machine's scheduling hiccup.
    const attempts = [await measure()];
    if (attempts[0].longestGapMs >= 100) attempts.push(await measure());
    const best = attempts.reduce((a, b) => (a.longestGapMs <= b.longestGapMs ? a : b));
    expect(best.longestGapMs, JSON.stringify(attempts)).toBeLessThan(100);
    expect(best.ticks).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ["unknownEncoding", Buffer.from("x"), { "content-encoding": "br" }, 415],
    ["corruptGzip", Buffer.from("definitely not gzip"), { "content-encoding": "gzip" }, 400],
    ["truncatedGzip", gzipSync("hello world").subarray(0, 12), { "content-encoding": "gzip" }, 400],
    ["corruptDeflate", Buffer.from("definitely not deflate"), { "content-encoding": "deflate" }, 400],
    ["compressedOverLimit", gzipSync(randomBytes(4 * 1024)), { "content-encoding": "gzip" }, 413],
  ])("refuses_%s", async (_name, body, headers, status) => {
    await expect(readBoundedBody(request(body, headers), LIMIT)).rejects.toMatchObject({ status });
  });

  it("reads an empty body as zero bytes", async () => {
    expect((await readBoundedBody(request(null), LIMIT)).length).toBe(0);
  });
});
