import { describe, expect, it } from "vitest";
import { traceSearchParams } from "@/lib/client/queries/traces";
import { draftTraceQL, errorMarker } from "@/lib/ui/traces/draft-traceql";
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
  const search = { ...DEFAULT_SEARCH, q: "{ status = error }", service: "api", minDuration: "1s" };

  it("the_query_replaces_the_form_filters_in_the_url", () => {
    const changes = traceSearchUrlChanges(search);
    expect(changes).toMatchObject({ q: "{ status = error }", service: null, minDuration: null, tags: [] });
    const url = new URLSearchParams();
    for (const [key, value] of Object.entries(changes)) for (const item of [value ?? []].flat()) url.append(key, item);
    expect(readTraceSearch(url)).toEqual({ ...DEFAULT_SEARCH, q: "{ status = error }" });
  });

  it("the_api_gets_the_query_without_the_form_filters", () => {
    const params = traceSearchParams(search, { startMs: 1, endMs: 2 });
    expect(params).toEqual({ q: "{ status = error }", start: 1, end: 2, limit: 20, cursor: undefined, excludeService: ["traceboard"] });
  });

  it("a_query_that_does_not_parse_is_a_problem_with_its_position", () => {
    const result = searchOfDraft({ ...draftOf(DEFAULT_SEARCH), q: '{ status = "error" }' });
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
