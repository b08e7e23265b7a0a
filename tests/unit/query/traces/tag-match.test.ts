import { describe, expect, it } from "vitest";
import { toTagMatch } from "@/lib/query/traces/tag-match";

describe("toTagMatch", () => {
  it.each([
    ["plain_text", "GET", ['"GET"']],
    ["integer", "500", ['"500"', "500", '{"double":500}']],
    ["decimal_equal_to_an_integer", "500.0", ['"500.0"', "500", '{"double":500}']],
    ["fraction", "0.5", ['"0.5"', '{"double":0.5}']],
    ["beyond_2_53", "9007199254740993", ['"9007199254740993"', '{"int":"9007199254740993"}']],
    ["beyond_int64_is_only_text", "99999999999999999999", ['"99999999999999999999"']],
    ["boolean", "true", ['"true"', "true"]],
    ["non_finite", "NaN", ['"NaN"', '{"double":"NaN"}']],
    ["leading_zero_is_text", "007", ['"007"']],
  ])("%s", (_name, value, forms) => {
    expect(toTagMatch({ key: "k", value })).toEqual({ key: "k", storedForms: forms });
  });
});
