import { describe, expect, it } from "vitest";
import { parseXTraceId } from "@/lib/trace-context/x-trace-id";
import { TRACE_ID } from "./fixtures";

const UUID = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736"; // TRACE_ID with dashes

describe("parseXTraceId: accepted values are normalized to 32 lowercase hex", () => {
  it.each([
    ["hex32_lowercase", TRACE_ID],
    ["hex32_uppercaseNormalized", TRACE_ID.toUpperCase()],
    ["hex32_mixedCaseNormalized", "4BF92f3577b34da6a3ce929d0e0e4736"],
    ["uuid_dashedNormalized", UUID],
    ["uuid_uppercaseNormalized", UUID.toUpperCase()],
    ["surroundingWhitespaceTrimmed", `  ${TRACE_ID}\t`],
  ])("%s", (_name, header) => {
    expect(parseXTraceId(header)).toBe(TRACE_ID);
  });
});

describe("parseXTraceId: rejected values return null", () => {
  it.each([
    ["allZeros_hex", "0".repeat(32)],
    ["allZeros_uuid", "00000000-0000-0000-0000-000000000000"],
    ["crlfInjection", "abc\r\nSet-Cookie: x"],
    ["crlfInjection_afterValidId", `${TRACE_ID}\r\nSet-Cookie: x`],
    ["lfInjection_insideValue", `${TRACE_ID.slice(0, 16)}\n${TRACE_ID.slice(16)}`],
    ["hex_31chars", TRACE_ID.slice(1)],
    ["hex_33chars", `${TRACE_ID}0`],
    ["nonHex", `${TRACE_ID.slice(1)}g`],
    ["uuid_misplacedDashes", "4bf92f3577b3-4da6-a3ce-929d-0e0e4736"],
    ["uuid_braced", `{${UUID}}`],
    ["uuid_nonHex", UUID.replace("4bf9", "4bfz")],
    ["traceparentValue", `00-${TRACE_ID}-00f067aa0ba902b7-01`],
    ["empty", ""],
    ["onlyWhitespace", "   "],
    ["null", null],
    ["undefined", undefined],
  ])("%s", (_name, header) => {
    expect(parseXTraceId(header)).toBeNull();
  });
});
