import { describe, expect, it } from "vitest";
import { formatTag, formatTagInput, parseTagInput } from "@/lib/ui/traces/tag-input";

describe("parseTagInput", () => {
  it.each([
    ["empty", "", []],
    ["only_spaces", "  \n ", []],
    ["one_pair", "error=true", [{ key: "error", value: "true" }]],
    [
      "pairs_split_by_spaces_and_lines",
      "http.method=GET\n  http.status_code=500",
      [
        { key: "http.method", value: "GET" },
        { key: "http.status_code", value: "500" },
      ],
    ],
    ["value_may_hold_equals", "url=https://x.test/?a=b", [{ key: "url", value: "https://x.test/?a=b" }]],
    ["quoted_value_with_spaces", 'customer="Acme Inc" region=eu', [{ key: "customer", value: "Acme Inc" }, { key: "region", value: "eu" }]],
    ["escaped_quote_and_backslash", 'q="say \\"hi\\" \\\\ bye"', [{ key: "q", value: 'say "hi" \\ bye' }]],
    ["empty_quoted_value", 'note=""', [{ key: "note", value: "" }]],
    ["empty_bare_value", "note=", [{ key: "note", value: "" }]],
    ["html_is_just_text", "payload=<script>alert(1)</script>", [{ key: "payload", value: "<script>alert(1)</script>" }]],
  ])("%s", (_name, text, tags) => {
    expect(parseTagInput(text)).toEqual({ ok: true, tags });
  });

  it.each([
    ["key_without_value", "error", /"error" has no value/],
    ["missing_key", "=5", /empty tag key/],
    ["unclosed_quote", 'customer="Acme', /unterminated quote/],
    ["second_pair_without_value", "a=1 b", /"b" has no value/],
    ["text_after_a_quoted_value", 'a="x"y', /unexpected "y"/],
  ])("%s_is_an_error", (_name, text, message) => {
    const result = parseTagInput(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe("formatTagInput", () => {
  it.each([
    ["bare_values", [{ key: "a", value: "1" }, { key: "b", value: "x=y" }], "a=1 b=x=y"],
    ["spaces_are_quoted", [{ key: "customer", value: "Acme Inc" }], 'customer="Acme Inc"'],
    ["quotes_and_backslashes_are_escaped", [{ key: "q", value: 'a"b\\c' }], 'q="a\\"b\\\\c"'],
    ["empty_value_is_quoted", [{ key: "note", value: "" }], 'note=""'],
  ])("%s", (_name, tags, text) => {
    expect(formatTagInput(tags)).toBe(text);
  });

  it("round_trips_through_parseTagInput", () => {
    const tags = [
      { key: "customer", value: 'Acme "Big" Inc' },
      { key: "path", value: "C:\\temp dir" },
      { key: "n", value: "5" },
    ];
    expect(parseTagInput(formatTagInput(tags))).toEqual({ ok: true, tags });
  });
});

describe("formatTag", () => {
  it.each([
    ["bare", { key: "error", value: "true" }, "error=true"],
    ["key_with_a_space_is_quoted", { key: "my key", value: "1" }, '"my key"=1'],
    ["key_with_equals_is_quoted", { key: "a=b", value: "1" }, '"a=b"=1'],
  ])("%s", (_name, tag, text) => {
    expect(formatTag(tag)).toBe(text);
    expect(parseTagInput(text)).toEqual({ ok: true, tags: [tag] });
  });
});
