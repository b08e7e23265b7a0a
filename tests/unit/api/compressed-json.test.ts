import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { jsonResponse, OWN_COMPRESSION_BYTES } from "@/lib/api/compressed-json";

const big = JSON.stringify({ spans: "x".repeat(OWN_COMPRESSION_BYTES) });
const small = JSON.stringify({ spans: "x" });

async function sent(json: string, accept: string | null) {
  const response = await jsonResponse(json, accept);
  return { encoding: response.headers.get("content-encoding"), type: response.headers.get("content-type"), vary: response.headers.get("vary"), body: Buffer.from(await response.arrayBuffer()) };
}

describe("JSON answers compressed here when big", () => {
  it.each<[string, string, string | null, string | null]>([
    ["brotli_when_accepted", big, "gzip, deflate, br", "br"],
    ["gzip_without_brotli", big, "gzip, deflate", "gzip"],
    ["brotli_refused_with_q0", big, "br;q=0, gzip", "gzip"],
    ["gzip_refused_with_q0_0", big, "gzip;q=0.0", null],
    ["none_accepted", big, null, null],
    ["small_answers_are_left_to_the_server", small, "gzip, br", null],
  ])("%s", async (_name, json, accept, encoding) => {
    const answer = await sent(json, accept);
    expect(answer.encoding).toBe(encoding);
    expect(answer.type).toBe("application/json");
    expect(answer.vary).toBe("Accept-Encoding");
    const decoded = encoding === "br" ? brotliDecompressSync(answer.body) : encoding === "gzip" ? gunzipSync(answer.body) : answer.body;
    expect(decoded.toString()).toBe(json);
  });
});
