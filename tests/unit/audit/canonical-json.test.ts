import { describe, expect, it } from "vitest";
import { canonicalJson, type JsonValue } from "@/lib/audit/canonical-json";

describe("canonicalJson", () => {
  const rows: Array<{ name: string; value: JsonValue; text: string }> = [
    { name: "null", value: null, text: "null" },
    { name: "booleans", value: [true, false], text: "[true,false]" },
    { name: "integer_without_exponent_or_fraction", value: 1e20, text: "100000000000000000000" },
    { name: "large_number_in_exponent_form_as_ecmascript", value: 1e21, text: "1e+21" },
    { name: "fraction", value: 0.1, text: "0.1" },
    { name: "negative_zero_is_zero", value: -0, text: "0" },
    { name: "string_escapes", value: 'a"b\\c\n\u0001é', text: '"a\\"b\\\\c\\n\\u0001é"' },
    { name: "keys_sorted_no_whitespace", value: { b: 1, a: 2, A: 3 }, text: '{"A":3,"a":2,"b":1}' },
    { name: "nested_objects_sorted_arrays_kept_in_order", value: { z: [{ y: 1, x: 2 }, 3], a: { d: null, c: "s" } }, text: '{"a":{"c":"s","d":null},"z":[{"x":2,"y":1},3]}' },
    { name: "keys_by_utf16_code_units", value: { "\u00e9": 1, z: 2, "\u{1f600}": 3, "\uff61": 4 }, text: '{"z":2,"é":1,"😀":3,"｡":4}' },
    { name: "empty_containers", value: { a: {}, b: [] }, text: '{"a":{},"b":[]}' },
  ];
  it.each(rows)("$name", ({ value, text }) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it("undefined_members_are_left_out", () => {
    expect(canonicalJson({ a: 1, b: undefined } as unknown as JsonValue)).toBe('{"a":1}');
  });

  it.each([NaN, Infinity, -Infinity])("refuses_%s", (value) => {
    expect(() => canonicalJson({ n: value })).toThrow(TypeError);
  });

  it("is_stable_through_a_parse_round_trip", () => {
    const text = canonicalJson({ n: 12345678901234567890, s: "x", f: 1.5e-7 });
    expect(canonicalJson(JSON.parse(text) as JsonValue)).toBe(text);
  });
});
