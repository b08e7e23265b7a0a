import { describe, expect, it } from "vitest";
import { FieldError } from "@/lib/collector/normalize/field-error";
import { MAX_VALUE_NESTING } from "@/lib/collector/normalize/attributes";
import { otlpAnyValue, otlpAttributes } from "@/lib/collector/normalize/otlp-any-value";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("otlpAnyValue: to the stored attribute encoding", () => {
  it.each([
    ["string", { stringValue: "GET" }, "GET"],
    ["emptyString", { stringValue: "" }, ""],
    ["bool", { boolValue: false }, false],
    ["int_number", { intValue: 201 }, 201],
    ["int_string", { intValue: "-42" }, -42],
    ["int_largestSafe", { intValue: "9007199254740991" }, 9007199254740991],
    ["int_beyondSafe", { intValue: "9007199254740993" }, { int: "9007199254740993" }],
    ["int_max", { intValue: "9223372036854775807" }, { int: "9223372036854775807" }],
    ["int_min", { intValue: "-9223372036854775808" }, { int: "-9223372036854775808" }],
    ["int_leadingZeros", { intValue: "0000000000000000042" }, 42],
    ["double", { doubleValue: 0.25 }, { double: 0.25 }],
    ["double_integral", { doubleValue: 200 }, { double: 200 }],
    ["double_string", { doubleValue: "1.5e3" }, { double: 1500 }],
    ["double_NaN", { doubleValue: "NaN" }, { double: "NaN" }],
    ["double_Infinity", { doubleValue: "Infinity" }, { double: "Infinity" }],
    ["double_minusInfinity", { doubleValue: "-Infinity" }, { double: "-Infinity" }],
    ["double_NaNFromProtobuf", { doubleValue: NaN }, { double: "NaN" }],
    ["bytes_base64", { bytesValue: "3q2+7w==" }, { bytes: "3q2+7w==" }],
    ["bytes_urlSafeUnpadded", { bytesValue: "3q2-7w" }, { bytes: "3q2+7w==" }],
    ["bytes_fromProtobuf", { bytesValue: bytes(0xde, 0xad, 0xbe, 0xef) }, { bytes: "3q2+7w==" }],
    ["array", { arrayValue: { values: [{ stringValue: "a" }, { intValue: 1 }, { arrayValue: {} }] } }, ["a", 1, []]],
    ["array_emptySlotLeftOut", { arrayValue: { values: [{ stringValue: "a" }, {}] } }, ["a"]],
    [
      "kvlist",
      {
        kvlistValue: {
          values: [{ key: "k", value: { kvlistValue: { values: [{ key: "n", value: { boolValue: true } }] } } }],
        },
      },
      { kvlist: { k: { kvlist: { n: true } } } },
    ],
    ["nullFieldsAreUnset", { stringValue: null, intValue: 7 }, 7],
    ["empty", {}, undefined],
  ])("%s", (_name, value, expected) => {
    expect(otlpAnyValue(value)).toEqual(expected);
  });

  it.each([
    ["string_notAString", { stringValue: 5 }, "stringValue", "expected a string, got 5"],
    [
      "int_fraction",
      { intValue: "1.5" },
      "intValue",
      'expected an int64 (a decimal string, or a number within ±(2^53-1)), got "1.5"',
    ],
    [
      "int_numberFraction",
      { intValue: 1.5 },
      "intValue",
      "expected an int64 (a decimal string, or a number within ±(2^53-1)), got 1.5",
    ],
    [
      "int_inexactNumber",
      { intValue: 2 ** 60 },
      "intValue",
      "expected an int64 (a decimal string, or a number within ±(2^53-1)), got 1152921504606847000",
    ],
    [
      "int_aboveInt64",
      { intValue: "9223372036854775808" },
      "intValue",
      'expected an int64 (a decimal string, or a number within ±(2^53-1)), got "9223372036854775808"',
    ],
    ["bool_string", { boolValue: "true" }, "boolValue", 'expected a boolean, got "true"'],
    ["double_hex", { doubleValue: "0x10" }, "doubleValue", 'expected a double, got "0x10"'],
    ["bytes_notBase64", { bytesValue: "!!" }, "bytesValue", 'expected base64, got "!!"'],
    ["array_valuesNotAnArray", { arrayValue: { values: 1 } }, "arrayValue.values", "expected an array, got 1"],
    [
      "array_badItem",
      { arrayValue: { values: [{ stringValue: "a" }, { boolValue: 1 }] } },
      "arrayValue.values.1.boolValue",
      "expected a boolean, got 1",
    ],
    [
      "kvlist_badKey",
      { kvlistValue: { values: [{ value: { stringValue: "x" } }] } },
      "kvlistValue.values.0.key",
      "expected a string, got undefined",
    ],
    ["notAnObject", "x", "", 'expected an AnyValue object, got "x"'],
    ["notJson", 10n, "", "expected an AnyValue object, got 10"],
  ])("%s", (_name, value, path, message) => {
    expect(() => otlpAnyValue(value)).toThrow(FieldError);
    expect(() => otlpAnyValue(value)).toThrow(expect.objectContaining({ path, message }));
  });
});

describe("otlpAnyValue: nesting", () => {
  function nestedArrays(levels: number): unknown {
    let value: unknown = { stringValue: "leaf" };
    for (let i = 0; i < levels; i++) value = { arrayValue: { values: [value] } };
    return value;
  }

  it(`accepts ${MAX_VALUE_NESTING} levels of arrays`, () => {
    expect(JSON.stringify(otlpAnyValue(nestedArrays(MAX_VALUE_NESTING)))).toContain('"leaf"');
  });

  it("rejects deeper nesting (hostile depth would overflow the stack) instead of recursing", () => {
    expect(() => otlpAnyValue(nestedArrays(100_000))).toThrow(
      expect.objectContaining({ message: `arrays and kvlists nested deeper than ${MAX_VALUE_NESTING} levels` }),
    );
  });
});

describe("otlpAttributes", () => {
  it("keeps a __proto__ key as an ordinary attribute", () => {
    const attributes = otlpAttributes([{ key: "__proto__", value: { stringValue: "x" } }]);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.entries(attributes)).toEqual([["__proto__", "x"]]);
  });

  it("leaves out keys without a value and lets a repeated key win last", () => {
    expect(
      otlpAttributes([{ key: "a" }, { key: "b", value: { intValue: 1 } }, { key: "b", value: { intValue: 2 } }]),
    ).toEqual({ b: 2 });
  });

  it.each([
    ["notAnArray", {}, "", "expected an array of KeyValue, got {}"],
    ["pairNotAnObject", [null], "0", "expected a KeyValue object, got null"],
    [
      "badValue",
      [{ key: "a", value: { intValue: "x" } }],
      "0.value.intValue",
      'expected an int64 (a decimal string, or a number within ±(2^53-1)), got "x"',
    ],
  ])("%s", (_name, list, path, message) => {
    expect(() => otlpAttributes(list)).toThrow(expect.objectContaining({ path, message }));
  });
});
