import { describe, expect, it } from "vitest";
import { ALL_ZERO_ID, decodeId } from "@/lib/collector/normalize/span-ids";

const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const SPAN_ID = "eee19b7ec3c1b174";

describe("decodeId", () => {
  it.each([
    ["traceId_hex", TRACE_ID, 16, TRACE_ID],
    ["traceId_hexUpperCase", TRACE_ID.toUpperCase(), 16, TRACE_ID],
    ["traceId_base64", "W47/95gDgQPSabYzgT/GDA==", 16, TRACE_ID],
    ["traceId_base64Unpadded", "W47/95gDgQPSabYzgT/GDA", 16, TRACE_ID],
    ["traceId_base64UrlSafe", "W47_95gDgQPSabYzgT_GDA", 16, TRACE_ID],
    ["traceId_bytes", Uint8Array.from(Buffer.from(TRACE_ID, "hex")), 16, TRACE_ID],
    ["traceId_allZeros", "0".repeat(32), 16, ALL_ZERO_ID[16]],
    ["spanId_hex", SPAN_ID, 8, SPAN_ID],
    ["spanId_base64", "7uGbfsPBsXQ=", 8, SPAN_ID],
    ["spanId_bytesViewAtAnOffset", Uint8Array.from(Buffer.from(`00${SPAN_ID}`, "hex")).subarray(1), 8, SPAN_ID],
    ["invalidTraceId_notHex", "g".repeat(32), 16, null],
    ["invalidTraceId_spanLength", SPAN_ID, 16, null],
    ["invalidTraceId_base64OfWrongSize", "AAAA", 16, null],
    ["invalidTraceId_base64TooLong", "W47/95gDgQPSabYzgT/GDA===", 16, null],
    ["invalidTraceId_base64Alphabet", "W47/95gDgQPSabYzgT/GD!==", 16, null],
    ["invalidSpanId_bytesOfWrongSize", new Uint8Array(16), 8, null],
    ["invalidSpanId_number", 42, 8, null],
    ["invalidSpanId_empty", "", 8, null],
  ] as const)("%s", (_name, value, bytes, expected) => {
    expect(decodeId(value, bytes)).toBe(expected);
  });
});
