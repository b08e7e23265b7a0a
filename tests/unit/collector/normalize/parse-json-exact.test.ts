import { describe, expect, it } from "vitest";
import { IngestFormatError } from "@/lib/collector/normalize/ingest-format-error";
import { parseJsonExact } from "@/lib/collector/normalize/parse-json-exact";

function syntaxErrorOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected malformed JSON");
}

describe("parseJsonExact", () => {
  it.each([
    ["bigInteger_19Digits", '{"t":1735787045123456789}', { t: "1735787045123456789" }],
    ["bigInteger_negative", '{"v":-9223372036854775808}', { v: "-9223372036854775808" }],
    ["bigInteger_inArray", "[1, 12345678901234567890 ,3]", [1, "12345678901234567890", 3]],
    ["bigInteger_afterNewline", '{"a":\n\t12345678901234567890}', { a: "12345678901234567890" }],
    ["bigInteger_topLevel", "12345678901234567890", "12345678901234567890"],
    ["bigInteger_justAboveSafe", "[9007199254740992]", ["9007199254740992"]],
    ["safeInteger_largest", "[9007199254740991, -9007199254740991]", [9007199254740991, -9007199254740991]],
    ["safeInteger_16DigitMicros", '{"timestamp":1735787045123456}', { timestamp: 1735787045123456 }],
    ["double_withFraction", "[12345678901234567.5]", [12345678901234567.5]],
    ["double_withExponent", "[12345678901234567890e2, 1E400]", [12345678901234567890e2, Infinity]],
    ["digitsInsideString", '{"a":"id 12345678901234567890"}', { a: "id 12345678901234567890" }],
    [
      "digitsAfterEscapedQuote",
      '{"a":"\\" 12345678901234567890","b":12345678901234567890}',
      { a: '" 12345678901234567890', b: "12345678901234567890" },
    ],
    ["digitsAfterEscapedBackslash", '{"a":"\\\\","b":12345678901234567890}', { a: "\\", b: "12345678901234567890" }],
    [
      "hexIdsWithLongDigitRuns",
      '{"traceId":"a1234567890123456789012345678901","n":12345678901234567890}',
      { traceId: "a1234567890123456789012345678901", n: "12345678901234567890" },
    ],
    ["plainDocument", '{"a":[1,2.5,true,null,"x"]}', { a: [1, 2.5, true, null, "x"] }],
    ["byteOrderMark", '\uFEFF{"a":12345678901234567890}', { a: "12345678901234567890" }],
  ])("%s", (_name, text, expected) => {
    expect(parseJsonExact(text)).toEqual(expected);
  });

  it.each([
    ["truncated", '{"a":'],
    ["trailingComma", '{"a":1,}'],
    ["bigIntegerAsKey", "{12345678901234567890: 1}"],
    ["bigIntegerWithLeadingZero", "[012345678901234567890]"],
    ["bigIntegerAfterValue", '["x" 12345678901234567890]'],
    ["unterminatedStringAfterBigInteger", '[12345678901234567890, "abc'],
  ])("malformed: %s is an IngestFormatError with JSON.parse's reason at the original position", (_name, text) => {
    expect(() => parseJsonExact(text)).toThrow(new IngestFormatError(`Malformed JSON: ${syntaxErrorOf(text)}`));
  });
});
