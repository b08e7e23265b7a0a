import { describe, expect, it } from "vitest";
import { formatTraceparent, parseTraceparent } from "@/lib/trace-context/traceparent";
import { TraceFlags } from "@/lib/trace-context/trace-flags";
import { SPAN_ID, TRACE_ID, traceparent, VALID_TRACEPARENT } from "./fixtures";

const FUTURE = traceparent({ version: "cc" });

describe("parseTraceparent: valid values", () => {
  it.each([
    ["v00_sampled", VALID_TRACEPARENT, "00", 0x01],
    ["v00_notSampled", traceparent({ flags: "00" }), "00", 0x00],
    ["v00_randomFlag", traceparent({ flags: "02" }), "00", TraceFlags.RANDOM],
    ["v00_sampledAndRandom", traceparent({ flags: "03" }), "00", 0x03],
    ["v00_unknownFlagBitsParsedAsIs", traceparent({ flags: "ff" }), "00", 0xff],
    ["ows_leadingSpaces", `  ${VALID_TRACEPARENT}`, "00", 0x01],
    ["ows_trailingSpaces", `${VALID_TRACEPARENT}  `, "00", 0x01],
    ["ows_leadingAndTrailingTabs", `\t${VALID_TRACEPARENT}\t`, "00", 0x01],
    ["ows_mixedSpacesAndTabs", ` \t ${VALID_TRACEPARENT} \t `, "00", 0x01],
    ["futureVersion_exactlyFourFields", FUTURE, "cc", 0x01],
    ["futureVersion_extraFieldAfterDash", `${FUTURE}-what-the-future-will-be-like`, "cc", 0x01],
    ["futureVersion_trailingDash", `${FUTURE}-`, "cc", 0x01],
    ["futureVersion_01", traceparent({ version: "01" }), "01", 0x01],
    ["futureVersion_fe", traceparent({ version: "fe" }), "fe", 0x01],
  ])("%s", (_name, header, version, traceFlags) => {
    expect(parseTraceparent(header)).toEqual({ version, traceId: TRACE_ID, spanId: SPAN_ID, traceFlags });
  });
});

describe("parseTraceparent: invalid values return null", () => {
  it.each([
    // version
    ["invalidVersion_ff", traceparent({ version: "ff" })],
    ["invalidVersion_FFUppercase", traceparent({ version: "FF" })],
    ["invalidVersion_uppercaseHex", traceparent({ version: "CC" })],
    ["invalidVersion_oneChar", traceparent({ version: "0" })],
    ["invalidVersion_threeChars", traceparent({ version: "000" })],
    ["invalidVersion_illegalChar", traceparent({ version: "0." })],
    ["invalidVersion_nonHex", traceparent({ version: "0g" })],
    // trace-id
    ["invalidTraceId_allZeros", traceparent({ traceId: "0".repeat(32) })],
    ["invalidTraceId_uppercase", traceparent({ traceId: TRACE_ID.toUpperCase() })],
    ["invalidTraceId_31chars", traceparent({ traceId: TRACE_ID.slice(1) })],
    ["invalidTraceId_33chars", traceparent({ traceId: `${TRACE_ID}0` })],
    ["invalidTraceId_illegalChar", traceparent({ traceId: `${TRACE_ID.slice(1)}.` })],
    ["invalidTraceId_nonHex", traceparent({ traceId: `${TRACE_ID.slice(1)}g` })],
    // parent-id
    ["invalidParentId_allZeros", traceparent({ spanId: "0".repeat(16) })],
    ["invalidParentId_uppercase", traceparent({ spanId: SPAN_ID.toUpperCase() })],
    ["invalidParentId_15chars", traceparent({ spanId: SPAN_ID.slice(1) })],
    ["invalidParentId_17chars", traceparent({ spanId: `${SPAN_ID}0` })],
    ["invalidParentId_illegalChar", traceparent({ spanId: `${SPAN_ID.slice(1)}.` })],
    // trace-flags
    ["invalidFlags_uppercase", traceparent({ flags: "0A" })],
    ["invalidFlags_oneChar", traceparent({ flags: "1" })],
    ["invalidFlags_threeChars", traceparent({ flags: "001" })],
    ["invalidFlags_illegalChar", traceparent({ flags: "0." })],
    // trailing data
    ["v00_extraField", `${VALID_TRACEPARENT}-extra`],
    ["v00_trailingDash", `${VALID_TRACEPARENT}-`],
    ["v00_trailingDot", `${VALID_TRACEPARENT}.`],
    ["futureVersion_dotAfterFlags", `${FUTURE}.what`],
    ["futureVersion_allZeroTraceId", traceparent({ version: "cc", traceId: "0".repeat(32) })],
    ["futureVersion_allZeroParentId", traceparent({ version: "cc", spanId: "0".repeat(16) })],
    // separators and whitespace
    ["wrongSeparator_underscore", VALID_TRACEPARENT.replaceAll("-", "_")],
    ["innerWhitespace", VALID_TRACEPARENT.replace("-", " -")],
    ["ows_newlineNotAllowed", `${VALID_TRACEPARENT}\n`],
    ["missingField", `00-${TRACE_ID}-${SPAN_ID}`],
    // garbage
    ["emptyString", ""],
    ["onlyWhitespace", " \t "],
    ["garbage", "not a traceparent"],
    ["twoValuesJoined", `${VALID_TRACEPARENT}, ${VALID_TRACEPARENT}`],
    ["null", null],
    ["undefined", undefined],
  ])("%s", (_name, header) => {
    expect(() => parseTraceparent(header)).not.toThrow();
    expect(parseTraceparent(header)).toBeNull();
  });

  it.each([
    ["number", 42],
    ["object", {}],
  ])("nonString_%s returns null without throwing", (_name, header) => {
    expect(parseTraceparent(header as unknown as string)).toBeNull();
  });
});

describe("formatTraceparent", () => {
  it.each([
    ["flagsNone", 0x00, "00"],
    ["flagsSampledPadded", TraceFlags.SAMPLED, "01"],
    ["flagsRandom", TraceFlags.RANDOM, "02"],
    ["flagsSampledAndRandom", 0x03, "03"],
    ["unknownBitsCleared_ff", 0xff, "03"],
    ["unknownBitsCleared_80", 0x80, "00"],
    ["unknownBitsCleared_81", 0x81, "01"],
  ])("%s", (_name, traceFlags, flags) => {
    expect(formatTraceparent({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags })).toBe(traceparent({ flags }));
  });

  it.each([
    ["sampled", traceparent({ flags: "01" })],
    ["notSampled", traceparent({ flags: "00" })],
    ["random", traceparent({ flags: "02" })],
    ["sampledAndRandom", traceparent({ flags: "03" })],
  ])("roundTrip_%s: format(parse(x)) === x", (_name, header) => {
    const parsed = parseTraceparent(header);
    expect(parsed).not.toBeNull();
    expect(formatTraceparent(parsed!)).toBe(header);
  });
});
