import { describe, expect, it } from "vitest";
import { unstorableText } from "@/lib/domain/storable-text";

describe("unstorableText", () => {
  const cases: Array<{ name: string; value: unknown; path?: (string | number)[]; message?: RegExp }> = [
    { name: "plain_text", value: { description: "order 1657 paid" } },
    { name: "surrogate_pair_emoji", value: { description: "ok 😀" } },
    { name: "combining_mark", value: { description: "e\u0301" } },
    { name: "numbers_booleans_null", value: { before: [1, true, null, { a: 2.5 }] } },
    { name: "lone_high_surrogate", value: { description: "x\ud800y" }, path: ["description"], message: /lone UTF-16 surrogate/ },
    { name: "lone_low_surrogate", value: { userId: "\udc00" }, path: ["userId"], message: /lone UTF-16 surrogate/ },
    { name: "high_surrogate_at_the_end", value: { userAgent: "😀\ud83d" }, path: ["userAgent"], message: /lone UTF-16 surrogate/ },
    { name: "reversed_pair", value: { sessionId: "\ude00\ud83d" }, path: ["sessionId"], message: /lone UTF-16 surrogate/ },
    { name: "nul", value: { resourceId: "a\0b" }, path: ["resourceId"], message: /U\+0000/ },
    { name: "nested_json_value", value: { metadata: { list: [1, { deep: "\ud800" }] } }, path: ["metadata", "list", 1, "deep"], message: /lone/ },
    { name: "json_member_key", value: { after: { "k\ud800": 1 } }, path: ["after", "k\ud800"], message: /^member key: .*lone/ },
    { name: "nul_in_member_key", value: { before: { "\0": 1 } }, path: ["before", "\0"], message: /^member key: .*U\+0000/ },
  ];

  it.each(cases)("$name", ({ value, path, message }) => {
    const problem = unstorableText(value);
    if (!path) return expect(problem).toBeNull();
    expect(problem?.path).toEqual(path);
    expect(problem?.message).toMatch(message!);
  });
});
