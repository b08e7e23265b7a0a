import { describe, expect, it } from "vitest";
import { isJaegerErrorTag, jaegerTags } from "@/lib/query/jaeger/jaeger-tags";

describe("jaegerTags (Jaeger's tag and tags parameters)", () => {
  it.each([
    ["none", [], [], []],
    ["tag_split_at_first_colon", ["http.url:http://a:8080/x"], [], [{ key: "http.url", value: "http://a:8080/x" }]],
    ["tag_with_empty_value", ["error:"], [], [{ key: "error", value: "" }]],
    ["json_map", [], ['{"http.method":"GET","error":"true"}'], [{ key: "http.method", value: "GET" }, { key: "error", value: "true" }]],
    ["json_map_overrides_tag", ["k:a"], ['{"k":"b"}'], [{ key: "k", value: "b" }]],
    ["repeated_tag", ["a:1", "b:2"], [], [{ key: "a", value: "1" }, { key: "b", value: "2" }]],
  ])("%s", (_name, tag, tags, parsed) => {
    expect(jaegerTags(tag, tags)).toEqual(parsed);
  });

  it.each([
    ["tag_without_colon", ["nocolon"], [], /malformed 'tag' parameter, expecting key:value, received: nocolon/],
    ["json_not_parsable", [], ["{x"], /malformed 'tags' parameter, cannot unmarshal JSON/],
    ["json_not_a_map", [], ["[1]"], /malformed 'tags' parameter/],
    ["json_value_not_a_string", [], ['{"a":1}'], /expected an object of string values/],
  ])("invalid_%s", (_name, tag, tags, message) => {
    expect(jaegerTags(tag, tags)).toMatch(message);
  });

  it.each([
    ["error_true", { key: "error", value: "true" }, true],
    ["error_false", { key: "error", value: "false" }, false],
    ["other_key", { key: "http.error", value: "true" }, false],
  ])("is_error_tag_%s", (_name, tag, expected) => {
    expect(isJaegerErrorTag(tag)).toBe(expected);
  });
});
