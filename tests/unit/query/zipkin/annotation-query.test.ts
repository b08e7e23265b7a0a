import { describe, expect, it } from "vitest";
import { parseAnnotationQuery } from "@/lib/query/zipkin/annotation-query";

describe("parseAnnotationQuery (Zipkin's annotationQuery)", () => {
  it.each([
    ["absent", undefined, { tags: [], words: [] }],
    ["empty", "", { tags: [], words: [] }],
    ["one_word", "error", { tags: [], words: ["error"] }],
    ["word_and_pair", "error and http.method=GET", { tags: [{ key: "http.method", value: "GET" }], words: ["error"] }],
    ["pair_split_at_first_equals", "http.url=/a?b=c", { tags: [{ key: "http.url", value: "/a?b=c" }], words: [] }],
    ["sides_trimmed", " http.method = GET  and  retried ", { tags: [{ key: "http.method", value: "GET" }], words: ["retried"] }],
    ["key_without_value_is_a_word", "db.rows=", { tags: [], words: ["db.rows"] }],
    ["only_lowercase_and_separates", "a=b AND c", { tags: [{ key: "a", value: "b AND c" }], words: [] }],
    ["value_with_spaces", "http.route=/a b and ws", { tags: [{ key: "http.route", value: "/a b" }], words: ["ws"] }],
  ])("%s", (_name, text, parsed) => {
    expect(parseAnnotationQuery(text)).toEqual(parsed);
  });
});
