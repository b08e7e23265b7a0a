import { describe, expect, it, vi } from "vitest";
import { generateSpanId, generateTraceId, isValidSpanId, isValidTraceId, RANDOM_POOL_BYTES } from "@/lib/trace-context/ids";
import { LOWER_HEX_16, LOWER_HEX_32, SPAN_ID, TRACE_ID } from "./fixtures";

const SAMPLES = 1000;

describe.each([
  ["generateTraceId", generateTraceId, LOWER_HEX_32, "0".repeat(32), isValidTraceId],
  ["generateSpanId", generateSpanId, LOWER_HEX_16, "0".repeat(16), isValidSpanId],
])("%s", (_name, generate, shape, allZero, isValid) => {
  const ids = Array.from({ length: SAMPLES }, generate);

  it("returns lowercase hex of the right length", () => {
    for (const id of ids) expect(id).toMatch(shape);
  });

  it("is distinct across calls", () => {
    expect(new Set(ids).size).toBe(SAMPLES);
  });

  it("is never all-zero and always passes its own validator", () => {
    for (const id of ids) {
      expect(id).not.toBe(allZero);
      expect(isValid(id)).toBe(true);
    }
  });
});

describe("generate*: all-zero random bytes are redrawn", () => {
  it.each([
    ["traceId", generateTraceId, LOWER_HEX_32, 16],
    ["spanId", generateSpanId, LOWER_HEX_16, 8],
  ])("%s", (_name, generate, shape, bytes) => {
    // The next block of random bytes comes back all zero; the block after it is real.
    const spy = vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementationOnce((buf) => (buf as Uint8Array).fill(0) as never);
    try {
      // Enough ids to use up the current block and reach the zeroed one.
      const ids = Array.from({ length: (2 * RANDOM_POOL_BYTES) / bytes }, generate);
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2);
      for (const id of ids) {
        expect(id).toMatch(shape);
        expect(/^0+$/.test(id)).toBe(false);
      }
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("generate*: random bytes are drawn in blocks", () => {
  it("serves many ids from one getRandomValues call", () => {
    const spy = vi.spyOn(globalThis.crypto, "getRandomValues");
    try {
      for (let i = 0; i < RANDOM_POOL_BYTES / 8; i++) generateSpanId();
      expect(spy.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("isValidTraceId", () => {
  it.each([
    ["valid", TRACE_ID, true],
    ["valid_onlyLastNonZero", `${"0".repeat(31)}1`, true],
    ["invalid_allZeros", "0".repeat(32), false],
    ["invalid_uppercase", TRACE_ID.toUpperCase(), false],
    ["invalid_31chars", TRACE_ID.slice(1), false],
    ["invalid_33chars", `${TRACE_ID}0`, false],
    ["invalid_nonHex", `${TRACE_ID.slice(1)}g`, false],
    ["invalid_dashedUuid", "4bf92f35-77b3-4da6-a3ce-929d0e0e4736", false],
    ["invalid_surroundingSpace", ` ${TRACE_ID}`, false],
    ["invalid_empty", "", false],
  ])("%s", (_name, id, valid) => {
    expect(isValidTraceId(id)).toBe(valid);
  });
});

describe("isValidSpanId", () => {
  it.each([
    ["valid", SPAN_ID, true],
    ["valid_onlyLastNonZero", `${"0".repeat(15)}1`, true],
    ["invalid_allZeros", "0".repeat(16), false],
    ["invalid_uppercase", "00F067AA0BA902B7", false],
    ["invalid_15chars", SPAN_ID.slice(1), false],
    ["invalid_17chars", `${SPAN_ID}0`, false],
    ["invalid_nonHex", `${SPAN_ID.slice(1)}z`, false],
    ["invalid_traceIdLength", TRACE_ID, false],
    ["invalid_empty", "", false],
  ])("%s", (_name, id, valid) => {
    expect(isValidSpanId(id)).toBe(valid);
  });
});
