import { describe, expect, it } from "vitest";
import { parseLogfmt } from "@/lib/query/params/logfmt";

/** logfmt as go-logfmt's decoder reads Tempo's `tags` parameter. */
describe("parseLogfmt", () => {
  it.each([
    ["empty", "", []],
    ["one_pair", "service.name=cart", [["service.name", "cart"]]],
    ["pairs_separated_by_spaces", "a=1  b=2\tc=3", [["a", "1"], ["b", "2"], ["c", "3"]]],
    ["quoted_value_with_space", 'name="GET /cart"', [["name", "GET /cart"]]],
    ["quoted_escapes", 'msg="say \\"hi\\"\\n\\u00e9"', [["msg", 'say "hi"\né']]],
    ["quoted_equals", 'q="a=b"', [["q", "a=b"]]],
    ["bare_key", "error", [["error", ""]]],
    ["empty_value", "a= b=2", [["a", ""], ["b", "2"]]],
  ])("%s", (_name, text, pairs) => {
    expect(parseLogfmt(text)).toEqual({ pairs });
  });

  it.each([
    ["unterminated_quote", 'name="GET', "unterminated quoted value", 10],
    ["bad_escape", 'a="\\x"', "invalid quoted value", 5],
    ["starts_with_equals", "=a", "unexpected '='", 1],
    ["quote_in_key", 'a"b=c', "unexpected '\"'", 2],
    ["equals_in_value", "a=b=c", "unexpected '='", 4],
  ])("%s", (_name, text, error, position) => {
    expect(parseLogfmt(text)).toEqual({ error, position });
  });
});
