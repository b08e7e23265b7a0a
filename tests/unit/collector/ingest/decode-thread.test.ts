import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeBody, OFF_THREAD_MIN_BYTES } from "@/lib/collector/ingest/decode-thread";
import { SPANS_PER_MESSAGE } from "@/lib/collector/ingest/decode-protocol";
import { IngestError } from "@/lib/collector/ingest/ingest-errors";
import { BODY_DECODERS } from "@/lib/collector/normalize/body-decoders";
import { otlpRequest, otlpSpan } from "../../../api/support/otlp";

const LIMITS = { maxSpans: 50_000, maxRejected: 1_000 };
const T0 = 1_700_000_000_000_000_000n;
const hex = (value: number, digits: number) => value.toString(16).padStart(digits, "0");

/** An OTLP JSON body of `count` spans over several traces; every 997th span has a bad span id. */
function otlpBody(count: number): Buffer {
  const spans = Array.from({ length: count }, (_, i) =>
    otlpSpan({
      traceId: hex(Math.floor(i / 50) + 1, 32),
      spanId: i % 997 === 5 ? "not-a-span-id" : hex(i + 1, 16),
      name: `op-${i % 7}`,
      start: T0 + BigInt(i) * 1_000n,
      end: T0 + BigInt(i) * 1_000n + 500n,
      attributes: [{ key: "i", value: { intValue: String(i) } }, { key: "pad", value: { stringValue: "x".repeat(200) } }],
    }),
  );
  return Buffer.from(JSON.stringify(otlpRequest("decode-thread", spans)));
}

describe("decoding large ingest bodies on the decode thread", { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("a_large_body_decodes_exactly_as_inline_with_spans_in_order_across_messages", async () => {
    const body = otlpBody(3 * SPANS_PER_MESSAGE + 321);
    expect(body.length).toBeGreaterThanOrEqual(OFF_THREAD_MIN_BYTES);
    const inline = BODY_DECODERS.otlp(Buffer.from(body), "application/json", LIMITS);
    const offThread = await decodeBody("otlp", body, "application/json", LIMITS);
    expect(inline.rejected).toBe(4);
    expect(offThread).toEqual(inline);
  });

  it("a_body_that_is_a_view_into_a_larger_buffer_is_copied_not_taken_from_its_owner", async () => {
    const body = otlpBody(2_000);
    expect(body.length).toBeGreaterThanOrEqual(OFF_THREAD_MIN_BYTES);
    const larger = Buffer.alloc(body.length + 16);
    body.copy(larger, 8);
    const view = larger.subarray(8, 8 + body.length);
    const batch = await decodeBody("otlp", view, "application/json", LIMITS);
    expect(batch.spans).toHaveLength(2_000 - 3);
    // Transferring the view's memory would have detached the larger buffer (length 0).
    expect(larger.length).toBe(body.length + 16);
    expect(larger.subarray(8, 8 + body.length).equals(body)).toBe(true);
  });

  it("the_event_loop_keeps_turning_while_a_large_body_is_decoded", async () => {
    const body = otlpBody(8_000);
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 5);
    try {
      const batch = await decodeBody("otlp", body, "application/json", LIMITS);
      expect(batch.spans).toHaveLength(8_000 - 9);
    } finally {
      clearInterval(ticker);
    }
    // Decoded inline, the same body holds the loop in one block and no tick runs.
    expect(turns).toBeGreaterThan(3);
  });

  it.each([
    ["too_many_spans_413", { ...LIMITS, maxSpans: 100 }, 413, /at most 100 per request/],
    ["malformed_json_400", LIMITS, 400, /Malformed JSON/],
  ])("%s_is_refused_as_inline", async (name, limits, status, message) => {
    const body = otlpBody(2_000);
    const sent = name.startsWith("malformed") ? Buffer.concat([body, Buffer.from("}")]) : body;
    const refusal = await decodeBody("otlp", sent, "application/json", limits).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(IngestError);
    expect((refusal as IngestError).status).toBe(status);
    expect((refusal as IngestError).message).toMatch(message);
  });

  it("a_thread_that_cannot_start_fails_the_request_as_a_server_error_not_a_client_one", async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "no-bundle-"));
    vi.spyOn(process, "cwd").mockReturnValue(elsewhere);
    vi.resetModules();
    const fresh = await import("@/lib/collector/ingest/decode-thread");
    const state = globalThis as { traceboardDecodeThread?: unknown };
    const kept = state.traceboardDecodeThread;
    delete state.traceboardDecodeThread;
    try {
      const failure = await fresh.decodeBody("otlp", otlpBody(2_000), "application/json", LIMITS).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(IngestError);
      expect((failure as Error).message).toMatch(/decode thread is not built/);
    } finally {
      state.traceboardDecodeThread = kept;
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
