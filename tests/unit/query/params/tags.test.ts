import { describe, expect, it } from "vitest";
import { parseTags, TagsParam } from "@/lib/query/params/tags";

describe("parseTags", () => {
  it.each([
    ["one_pair", "error=true", [{ key: "error", value: "true" }]],
    ["dotted_key", "http.status_code=500", [{ key: "http.status_code", value: "500" }]],
    ["quoted_value_with_space", 'http.route="/a b"', [{ key: "http.route", value: "/a b" }]],
    ["escaped_quote_and_backslash", 'q="say \\"hi\\" \\\\ bye"', [{ key: "q", value: 'say "hi" \\ bye' }]],
    ["quoted_key", '"my key"=v', [{ key: "my key", value: "v" }]],
    ["several_pairs_spaced", ' a=1   b="x y"\tc=3 ', [{ key: "a", value: "1" }, { key: "b", value: "x y" }, { key: "c", value: "3" }]],
    ["empty_value", "a=", [{ key: "a", value: "" }]],
    ["empty_quoted_value", 'a=""', [{ key: "a", value: "" }]],
    ["equals_inside_value", "q=a=b", [{ key: "q", value: "a=b" }]],
    ["nothing", "   ", []],
  ])("%s", (_name, text, expected) => {
    expect(parseTags(text)).toEqual(expected);
  });

  it.each([
    ["no_value", "error", /has no value/],
    ["empty_key", "=v", /empty tag key/],
    ["unterminated_value_quote", 'a="x', /unterminated quote in the value of tag "a"/],
    ["unterminated_key_quote", '"a=1', /unterminated quote/],
    ["junk_after_quoted_value", 'a="x"y', /unexpected "y"/],
  ])("%s_throws", (_name, text, message) => {
    expect(() => parseTags(text)).toThrow(message);
  });
});

describe("TagsParam", () => {
  it("repeated_parameters_are_concatenated", () => {
    expect(TagsParam.parse(["a=1 b=2", 'c="3 4"'])).toEqual([
      { key: "a", value: "1" },
      { key: "b", value: "2" },
      { key: "c", value: "3 4" },
    ]);
  });
  it("a_malformed_one_is_an_issue", () => {
    const result = TagsParam.safeParse(["a=1", "b"]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('invalid tags: tag "b" has no value: use key=value');
  });
});
