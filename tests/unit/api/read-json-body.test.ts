import { describe, expect, it } from "vitest";
import { jsonBodyLimit, readJsonBody } from "@/lib/api/read-json-body";

const WHEN_EMPTY = Symbol("empty");

function post(body?: string): Request {
  return new Request("http://localhost/api/x", { method: "POST", body });
}

describe("readJsonBody", () => {
  it.each<[string, string | undefined, unknown]>([
    ["noBody", undefined, WHEN_EMPTY],
    ["emptyString", "", WHEN_EMPTY],
    ["whitespaceOnly", " \n\t ", WHEN_EMPTY],
    ["null", "null", null],
    ["emptyArray", "[]", []],
    ["object", '{"a":1,"b":[true,null]}', { a: 1, b: [true, null] }],
    ["number", "42", 42],
    ["string", '"hi"', "hi"],
    ["surroundingWhitespace", '  {"a":1}\n', { a: 1 }],
  ])("ok_%s", async (_name, body, expected) => {
    const result = await readJsonBody(post(body), WHEN_EMPTY);
    expect(result).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ["truncatedObject", '{"a":'],
    ["bareWord", "nope"],
    ["trailingComma", "[1,2,]"],
    ["singleQuotes", "{'a':1}"],
  ])("malformed_%s_400", async (_name, body) => {
    const result = await readJsonBody(post(body), WHEN_EMPTY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response.status).toBe(400);
    const json = await result.response.json();
    expect(json.error.code).toBe("bad_request");
    expect(json.error.message).toMatch(/^Malformed JSON body: .+/);
  });

  describe("size limit", () => {
    const LIMIT = { maxBytes: 64, setting: "TRACEBOARD_MAX_JSON_BODY_BYTES" };
    const oversized = JSON.stringify({ text: "x".repeat(100) });

    /** A body read only on demand, in 16-byte pieces; `pulled` counts what was read. */
    function streamed(text: string) {
      const bytes = new TextEncoder().encode(text);
      const source = { pulled: 0, stream: null as unknown as ReadableStream<Uint8Array> };
      source.stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (source.pulled >= bytes.length) return controller.close();
            controller.enqueue(bytes.subarray(source.pulled, (source.pulled += 16)));
          },
        },
        { highWaterMark: 0 },
      );
      return source;
    }

    function postStream(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
      return new Request("http://localhost/api/x", { method: "POST", body: stream, headers, duplex: "half" } as RequestInit);
    }

    async function expect413(request: Request) {
      const result = await readJsonBody(request, WHEN_EMPTY, LIMIT);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.response.status).toBe(413);
      const json = await result.response.json();
      expect(json.error.code).toBe("payload_too_large");
      expect(json.error.message).toBe("Request body exceeds the limit of 64 bytes (TRACEBOARD_MAX_JSON_BODY_BYTES)");
    }

    it("reads a body up to the limit", async () => {
      const body = JSON.stringify({ text: "x".repeat(50) });
      expect(body.length).toBeLessThanOrEqual(LIMIT.maxBytes);
      expect(await readJsonBody(post(body), WHEN_EMPTY, LIMIT)).toEqual({ ok: true, value: JSON.parse(body) });
    });

    it("refuses_declaredContentLength_413_beforeReading", async () => {
      const source = streamed(oversized);
      await expect413(postStream(source.stream, { "content-length": String(oversized.length) }));
      expect(source.pulled).toBe(0);
    });

    it("refuses_withoutContentLength_413_stopsReadingAtTheLimit", async () => {
      const source = streamed(oversized.repeat(100));
      await expect413(postStream(source.stream));
      // Stream buffers read a few pieces ahead; the other 11 KB are never read.
      expect(source.pulled).toBeLessThan(4 * LIMIT.maxBytes);
    });
  });

  describe("jsonBodyLimit", () => {
    it.each<[string, Record<string, string | undefined>, number]>([
      ["default1MiB", {}, 1024 * 1024],
      ["emptyIsDefault", { TRACEBOARD_MAX_JSON_BODY_BYTES: "" }, 1024 * 1024],
      ["configured", { TRACEBOARD_MAX_JSON_BODY_BYTES: "4096" }, 4096],
    ])("%s", (_name, env, maxBytes) => {
      expect(jsonBodyLimit(env)).toEqual({ maxBytes, setting: "TRACEBOARD_MAX_JSON_BODY_BYTES" });
    });

    it("refuses a limit that is not a positive integer", () => {
      expect(() => jsonBodyLimit({ TRACEBOARD_MAX_JSON_BODY_BYTES: "-1" })).toThrow();
    });
  });
});
