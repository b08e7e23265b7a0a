import { describe, expect, it } from "vitest";
import { attributeText } from "@/lib/query/compat/attribute-text";
import { legacyTraceId, storedTraceId } from "@/lib/query/compat/legacy-ids";

describe("legacy trace ids (Jaeger, Zipkin)", () => {
  it.each([
    ["64_bit_id_written_with_16_digits", "0000000000000000463ac35c9f6413ad", "463ac35c9f6413ad"],
    ["128_bit_id_kept", "5af7183fb1d4cf5f463ac35c9f6413ad", "5af7183fb1d4cf5f463ac35c9f6413ad"],
  ])("%s", (_name, stored, written) => {
    expect(legacyTraceId(stored)).toBe(written);
  });

  it.each([
    ["short_id_left_padded", "463ac35c9f6413ad", "0000000000000000463ac35c9f6413ad"],
    ["uppercase_lowered", "ABC", "00000000000000000000000000000abc"],
    ["full_length_kept", "5af7183fb1d4cf5f463ac35c9f6413ad", "5af7183fb1d4cf5f463ac35c9f6413ad"],
    ["too_long", "05af7183fb1d4cf5f463ac35c9f6413ad", null],
    ["not_hex", "xyz", null],
    ["empty", "", null],
  ])("%s", (_name, given, stored) => {
    expect(storedTraceId(given)).toBe(stored);
  });
});

describe("attributeText (Zipkin tags, Jaeger string tags)", () => {
  it.each([
    ["string", "GET", "GET"],
    ["bool", true, "true"],
    ["int", 200, "200"],
    ["big_int", { int: "9007199254740993" }, "9007199254740993"],
    ["double", { double: 0.5 }, "0.5"],
    ["non_finite_double", { double: "NaN" as const }, "NaN"],
    ["bytes_as_base64", { bytes: "AQI=" }, "AQI="],
    ["array_as_json", ["a", 1, { double: 2.5 }], '["a",1,2.5]'],
    ["kvlist_as_json", { kvlist: { k: "v", n: { int: "9007199254740993" } } }, '{"k":"v","n":"9007199254740993"}'],
  ])("%s", (_name, value, text) => {
    expect(attributeText(value)).toBe(text);
  });
});
