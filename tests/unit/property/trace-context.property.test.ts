import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTraceparent, parseTraceparent, parseXTraceId, TraceState } from "@/lib/trace-context";
import { RUNS } from "./runs";

const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const nonZeroHex = (length: number) => hex(length).filter((id) => !/^0+$/.test(id));
const validTraceparent = fc
  .record({ traceId: nonZeroHex(32), spanId: nonZeroHex(16), flags: fc.integer({ min: 0, max: 255 }) })
  .map(({ traceId, spanId, flags }) => ({ traceId, spanId, flags, header: `00-${traceId}-${spanId}-${flags.toString(16).padStart(2, "0")}` }));

/** A header with one character replaced, inserted or removed at a random place. */
function mutated(header: fc.Arbitrary<string>) {
  return fc.tuple(header, fc.nat(), fc.string({ unit: "binary", maxLength: 2 }), fc.integer({ min: 0, max: 2 })).map(([text, at, insert, mode]) => {
    const i = at % (text.length + 1);
    if (mode === 0) return text.slice(0, i) + insert + text.slice(i + 1);
    if (mode === 1) return text.slice(0, i) + insert + text.slice(i);
    return text.slice(0, i) + text.slice(i + 1);
  });
}

const HEADER_SAFE = /^[\x20-\x7e]*$/;

describe("traceparent (property)", { timeout: 120_000 }, () => {
  it("never_throws_on_any_string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), (header) => {
        parseTraceparent(header);
      }),
      { numRuns: RUNS },
    );
  });

  it("valid_headers_round_trip", () => {
    fc.assert(
      fc.property(validTraceparent, ({ traceId, spanId, flags, header }) => {
        const parsed = parseTraceparent(header);
        expect(parsed).toEqual({ version: "00", traceId, spanId, traceFlags: flags });
        expect(parseTraceparent(formatTraceparent(parsed!))).toMatchObject({ traceId, spanId });
      }),
      { numRuns: RUNS },
    );
  });

  it("mutated_headers_parse_to_null_or_to_well_formed_ids", () => {
    fc.assert(
      fc.property(mutated(validTraceparent.map((t) => t.header)), (header) => {
        const parsed = parseTraceparent(header);
        if (parsed === null) return;
        expect(parsed.traceId).toMatch(/^[0-9a-f]{32}$/);
        expect(parsed.spanId).toMatch(/^[0-9a-f]{16}$/);
        expect(formatTraceparent(parsed)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);
      }),
      { numRuns: RUNS },
    );
  });
});

const tracestateKey = fc.stringMatching(/^[a-z0-9][a-z0-9_\-*/@]{0,20}$/);
const tracestateValue = fc.stringMatching(/^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,30}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/);
const validTracestate = fc.uniqueArray(fc.tuple(tracestateKey, tracestateValue), { selector: ([key]) => key, maxLength: 32 });

describe("tracestate (property)", { timeout: 120_000 }, () => {
  it("never_throws_and_never_emits_an_unsafe_header", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 80 }), { maxLength: 3 }), (headers) => {
        const state = TraceState.parse(headers);
        if (state) expect(state.serialize()).toMatch(HEADER_SAFE);
      }),
      { numRuns: RUNS },
    );
  });

  it("valid_lists_round_trip", () => {
    fc.assert(
      fc.property(validTracestate, (members) => {
        const header = members.map(([key, value]) => `${key}=${value}`).join(",");
        const state = TraceState.parse(header);
        expect(state?.keys()).toEqual(members.map(([key]) => key));
        for (const [key, value] of members) expect(state?.get(key)).toBe(value);
        if (header.length <= 512) expect(TraceState.parse(state!.serialize())?.serialize()).toBe(state!.serialize());
      }),
      { numRuns: RUNS },
    );
  });

  it("mutated_lists_parse_to_null_or_a_safe_header", () => {
    fc.assert(
      fc.property(mutated(validTracestate.map((members) => members.map(([key, value]) => `${key}=${value}`).join(","))), (header) => {
        const state = TraceState.parse(header);
        if (state) expect(state.serialize()).toMatch(HEADER_SAFE);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("X-Trace-ID (property)", { timeout: 120_000 }, () => {
  it("adopts_only_32_hex_ids_and_never_reflects_anything_else", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.uuid(), hex(32)), (header) => {
        const id = parseXTraceId(header);
        if (id !== null) expect(id).toMatch(/^[0-9a-f]{32}$/);
      }),
      { numRuns: RUNS },
    );
  });
});
