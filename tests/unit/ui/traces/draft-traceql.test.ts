import { describe, expect, it } from "vitest";
import { traceSearchParams } from "@/lib/client/queries/traces";
import { draftTraceQL, errorMarker, liveErrorRange, withMode } from "@/lib/ui/traces/draft-traceql";
import { draftOf, searchOfDraft } from "@/lib/ui/traces/search-draft";
import { readTraceSearch, traceSearchUrlChanges } from "@/lib/ui/traces/trace-search";
import { DEFAULT_SEARCH } from "./fixtures";

describe("draftTraceQL", () => {
  it.each([
    ["empty_form", {}, "{ }"],
    ["service_and_operation", { service: "api", operation: "GET /" }, '{ resource.service.name = "api" && name = "GET /" }'],
    ["operation_without_service_is_ignored_as_the_form_does", { operation: "GET /" }, "{ }"],
    ["tag_and_span_duration", { tagsText: "error=true", minDuration: "100ms", spanDuration: true }, '{ (((span.error = "true" || span.error = true) || resource.error = "true") || resource.error = true) && duration >= 100ms }'],
    ["a_field_that_does_not_parse", { minDuration: "fast" }, null],
  ])("%s", (_name, fields, expected) => {
    expect(draftTraceQL({ ...draftOf(DEFAULT_SEARCH), ...fields })).toBe(expected);
  });
});

describe("a TraceQL search in the URL and the API call", () => {
  const search = { ...DEFAULT_SEARCH, mode: "traceql" as const, q: "{ status = error }", service: "api", minDuration: "1s" };

  it("the_query_replaces_the_form_filters_in_the_url", () => {
    const changes = traceSearchUrlChanges(search);
    expect(changes).toMatchObject({ mode: "traceql", q: "{ status = error }", service: null, minDuration: null, tags: [] });
    const url = new URLSearchParams();
    for (const [key, value] of Object.entries(changes)) for (const item of [value ?? []].flat()) url.append(key, item);
    expect(readTraceSearch(url)).toEqual({ ...DEFAULT_SEARCH, mode: "traceql", q: "{ status = error }" });
  });

  it("a_link_with_q_alone_opens_the_traceql_mode_and_an_empty_query_keeps_it", () => {
    expect(readTraceSearch(new URLSearchParams("q=%7B%20%7D")).mode).toBe("traceql");
    expect(readTraceSearch(new URLSearchParams("mode=traceql"))).toEqual({ ...DEFAULT_SEARCH, mode: "traceql" });
    expect(traceSearchParams({ ...DEFAULT_SEARCH, mode: "traceql", service: "api" }, { startMs: 1, endMs: 2 })).not.toHaveProperty("service");
  });

  it("the_form_mode_ignores_a_query_left_in_the_draft", () => {
    expect(traceSearchUrlChanges({ ...search, mode: "form" })).toMatchObject({ mode: null, q: null, service: "api", minDuration: "1s" });
  });

  it("the_api_gets_the_query_without_the_form_filters", () => {
    const params = traceSearchParams(search, { startMs: 1, endMs: 2 });
    expect(params).toEqual({ q: "{ status = error }", start: 1, end: 2, limit: 20, cursor: undefined, excludeService: ["traceboard"] });
  });

  it("the_traceql_mode_is_not_held_back_by_the_form_s_fields", () => {
    const fields = { minDuration: "fast", tagsText: 'a="open' };
    expect(searchOfDraft({ ...draftOf(DEFAULT_SEARCH), ...fields, mode: "form" }).ok).toBe(false);
    expect(searchOfDraft({ ...draftOf(DEFAULT_SEARCH), ...fields, mode: "traceql", q: "{ }" }).ok).toBe(true);
  });

  it("a_query_that_does_not_parse_is_a_problem_with_its_position", () => {
    const result = searchOfDraft({ ...draftOf(DEFAULT_SEARCH), mode: "traceql", q: '{ status = "error" }' });
    expect(result).toEqual({ ok: false, problems: { q: "cannot compare status with string at line 1, column 10", qAt: { line: 1, column: 10 } } });
  });
});

describe("errorMarker", () => {
  it.each([
    ["first_line", "{ .a = }", { line: 1, column: 8 }, "{ .a = }\n       ^"],
    ["later_line", '{\n  name = 5\n}', { line: 2, column: 10 }, "  name = 5\n         ^"],
  ])("%s", (_name, text, at, marker) => {
    expect(errorMarker(text, at)).toBe(marker);
  });
});

describe("withMode", () => {
  const form = { ...draftOf(DEFAULT_SEARCH), service: "api", minDuration: "1s" };

  it.each([
    ["the_editor_gets_the_form_s_traceql", form, "traceql", '{ resource.service.name = "api" && traceDuration >= 1s }'],
    ["an_empty_form_leaves_the_editor_empty", draftOf(DEFAULT_SEARCH), "traceql", ""],
    ["a_form_that_does_not_parse_leaves_the_query_as_it_was", { ...form, minDuration: "fast", q: "{ a }" }, "traceql", "{ a }"],
    ["the_form_keeps_the_query_aside", { ...form, mode: "traceql" as const, q: "{ a }" }, "form", "{ a }"],
  ] as const)("%s", (_name, draft, mode, q) => {
    expect(withMode(draft, mode)).toEqual({ ...draft, mode, q });
  });
});

describe("liveErrorRange", () => {
  it.each([
    ["a_query_that_parses", "{ status = error }", null],
    ["a_query_not_finished_yet", "{ status = ", null],
    ["the_word_the_parser_stopped_at", '{ status = "error" }', { start: 9, end: 10, message: "cannot compare status with string at line 1, column 10" }],
    ["an_unknown_identifier", "{ foo = 1 }", { start: 2, end: 5 }],
    ["one_character_at_least", "{ span.a = 1 } }", { start: 15, end: 16 }],
  ])("%s", (_name, text, expected) => {
    const range = liveErrorRange(text);
    if (expected === null) expect(range).toBeNull();
    else expect(range).toMatchObject(expected);
  });
});
