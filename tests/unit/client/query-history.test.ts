import { describe, expect, it } from "vitest";
import { MAX_QUERY_HISTORY, parseQueryHistory, withQuery } from "@/lib/client/query-history";

describe("withQuery", () => {
  it("puts_the_query_first", () => {
    expect(withQuery(["{ a }"], "{ b }")).toEqual(["{ b }", "{ a }"]);
  });

  it("a_query_run_again_moves_to_the_front_once", () => {
    expect(withQuery(["{ a }", "{ b }", "{ c }"], "{ b }")).toEqual(["{ b }", "{ a }", "{ c }"]);
  });

  it("compares_the_trimmed_text_and_ignores_an_empty_query", () => {
    expect(withQuery(["{ a }"], "  { a }\n")).toEqual(["{ a }"]);
    expect(withQuery(["{ a }"], "   ")).toEqual(["{ a }"]);
  });

  it("keeps_the_last_twenty_distinct_queries", () => {
    let history: string[] = [];
    for (let index = 0; index < 25; index++) history = withQuery(history, `{ .n = ${index} }`);
    history = withQuery(history, "{ .n = 24 }");
    expect(history).toHaveLength(MAX_QUERY_HISTORY);
    expect(history[0]).toBe("{ .n = 24 }");
    expect(history.at(-1)).toBe("{ .n = 5 }");
  });

  it("does_not_change_the_list_it_is_given", () => {
    const history = ["{ a }"];
    withQuery(history, "{ b }");
    expect(history).toEqual(["{ a }"]);
  });
});

describe("parseQueryHistory", () => {
  it.each([
    ["nothing_stored", null, []],
    ["not_json", "{oops", []],
    ["not_a_list", '{"q":"{ a }"}', []],
    ["a_list_with_a_non_string", '["{ a }", 1]', []],
    ["a_stored_list", '["{ b }","{ a }"]', ["{ b }", "{ a }"]],
    ["duplicates_and_blanks_dropped_keeping_the_most_recent", '["{ b }","  ","{ a }","{ b }"]', ["{ b }", "{ a }"]],
  ])("%s", (_name, stored, expected) => {
    expect(parseQueryHistory(stored)).toEqual(expected);
  });

  it("a_longer_stored_list_keeps_the_most_recent_twenty", () => {
    const stored = JSON.stringify(Array.from({ length: 30 }, (_, index) => `{ .n = ${index} }`));
    const history = parseQueryHistory(stored);
    expect(history).toHaveLength(MAX_QUERY_HISTORY);
    expect(history[0]).toBe("{ .n = 0 }");
    expect(history.at(-1)).toBe("{ .n = 19 }");
  });
});
