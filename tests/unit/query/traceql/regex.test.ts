import { describe, expect, it } from "vitest";
import { compileAnchored, MAX_PATTERN_LENGTH } from "@/lib/query/traceql/regex";

/** RE2 pattern, a text, whether the pattern matches the whole text. */
const MATCHES: Array<[name: string, pattern: string, text: string, matches: boolean]> = [
  ["anchored_at_both_ends", "bar", "foobar", false],
  ["explicit_wildcards_unanchor", ".*bar.*", "foobarbaz", true],
  ["alternation_is_grouped_before_anchoring", "GET|POST", "GETX", false],
  ["alternation_either_side", "GET|POST", "POST", true],
  ["case_insensitive_flag", "(?i)get", "GET", true],
  ["dot_all_flag", "(?s)a.b", "a\nb", true],
  ["dot_without_flag_skips_newline", "a.b", "a\nb", false],
  ["named_group_in_go_syntax", "(?P<verb>GET) /", "GET /", true],
  ["posix_class", "[[:digit:]]+", "2024", true],
  ["unicode_class_short_form", "\\pL+", "größe", true],
  ["begin_and_end_of_text", "\\Aab\\z", "ab", true],
  ["escaped_backslash_before_z_is_literal", "a\\\\z", "a\\z", true],
  ["dot_matches_one_code_point", "^.$", "😀", true],
];

describe("compileAnchored", () => {
  it.each(MATCHES)("%s", (_name, pattern, text, matches) => {
    const regex = compileAnchored(pattern);
    if (regex instanceof Error) throw regex;
    expect(regex.test(text)).toBe(matches);
  });

  it.each([
    ["flag_in_the_middle", "a(?i)b", /only at the start/],
    ["ungreedy_flag", "(?U)a+", /unsupported regular expression flag `U`/],
    ["lookbehind", "(?<=a)b", /lookaround/],
    ["negative_lookahead", "a(?!b)", /lookaround/],
    ["backreference", "(a)\\1", /backreferences/],
    ["unbalanced", "(a", /invalid regular expression/],
    ["too_long", "a".repeat(MAX_PATTERN_LENGTH + 1), /longer than/],
  ])("%s_is_refused", (_name, pattern, message) => {
    const regex = compileAnchored(pattern);
    expect(regex).toBeInstanceOf(Error);
    expect((regex as Error).message).toMatch(message);
  });
});
