import { describe, expect, it } from "vitest";
import { completionContext } from "@/lib/query/traceql";
import { applySuggestion, MAX_SUGGESTIONS, opensWhileTyping, suggestionsFor, valueLookup, type AttributeKey, type AttributeValue } from "@/lib/ui/traces/traceql-suggestions";

const KEYS: AttributeKey[] = [
  { key: "http.method", scope: "span", spanCount: 40 },
  { key: "http.route", scope: "span", spanCount: 30 },
  { key: "service.name", scope: "resource", spanCount: 90 },
  { key: "http.method", scope: "resource", spanCount: 2 },
  { key: "my key", scope: "span", spanCount: 1 },
];
const VALUES: AttributeValue[] = [
  { value: "GET", type: "string", spanCount: 30 },
  { value: 'say "hi"', type: "string", spanCount: 3 },
  { value: "200", type: "int", spanCount: 20 },
  { value: "1.5", type: "double", spanCount: 2 },
  { value: "true", type: "bool", spanCount: 1 },
];

/** The labels listed with the cursor at the end of `text`. */
const labelsAt = (text: string, values: AttributeValue[] = VALUES) => suggestionsFor(completionContext(text, text.length), KEYS, values).map((item) => item.label);

describe("suggestionsFor", () => {
  it("after_a_brace_lists_scopes_then_intrinsics_then_keys_with_their_scope", () => {
    const labels = labelsAt("{ ");
    expect(labels.slice(0, 3)).toEqual(["span.", "resource.", "."]);
    expect(labels).toContain("status");
    expect(labels).toContain("traceDuration");
    expect(labels.slice(-5)).toEqual(["span.http.method", "span.http.route", "resource.service.name", "resource.http.method", "span.my key"]);
  });

  it("a_typed_word_narrows_by_start_then_by_containing_ignoring_case", () => {
    expect(labelsAt("{ NAM")).toEqual(["name", "rootName", "rootServiceName", "resource.service.name"]);
  });

  it("a_scope_lists_its_keys_only", () => {
    expect(labelsAt("{ resource.")).toEqual(["resource.service.name", "resource.http.method"]);
    expect(labelsAt("{ span.http.r")).toEqual(["span.http.route"]);
  });

  it("the_unscoped_dot_lists_each_key_once_with_both_counts", () => {
    const items = suggestionsFor(completionContext("{ .http.m", 9), KEYS, []);
    expect(items).toEqual([{ kind: "key", label: ".http.method", insert: ".http.method ", detail: "42 spans" }]);
  });

  it("a_key_that_needs_quotes_is_inserted_quoted", () => {
    const item = suggestionsFor(completionContext("{ span.my", 9), KEYS, [])[0];
    expect(item).toMatchObject({ label: "span.my key", insert: 'span."my key" ' });
  });

  it("operators_fit_the_field", () => {
    expect(labelsAt("{ span.http.method ")).toEqual(["=", "!=", ">", ">=", "<", "<=", "=~", "!~", "!= nil", "= nil"]);
    expect(labelsAt("{ status ")).toEqual(["=", "!="]);
    expect(labelsAt("{ duration ")).toEqual(["=", "!=", ">", ">=", "<", "<="]);
    expect(labelsAt("{ span.a !")).toEqual(["!=", "!~", "!= nil"]);
  });

  it("values_are_quoted_when_strings_and_bare_when_typed", () => {
    const items = suggestionsFor(completionContext("{ span.http.method = ", 21), KEYS, VALUES);
    expect(items.map((item) => item.insert)).toEqual(['"GET" ', '"say \\"hi\\"" ', "200 ", "1.5 ", "true "]);
    expect(items[0].detail).toBe("string, 30 spans");
  });

  it("values_fit_the_operator", () => {
    expect(labelsAt("{ span.a =~ ")).toEqual(['"GET"', '"say \\"hi\\""']);
    expect(labelsAt("{ span.a > ")).toEqual(["200", "1.5"]);
  });

  it("an_open_quote_lists_string_values", () => {
    expect(labelsAt('{ span.a = "G')).toEqual(['"GET"']);
  });

  it("status_and_kind_list_their_names", () => {
    expect(labelsAt("{ status = ", [])).toEqual(["unset", "ok", "error"]);
    expect(labelsAt("{ kind != c", [])).toEqual(["client", "consumer", "unspecified", "producer"]);
    expect(labelsAt("{ name = ", [])).toEqual([]);
  });

  it("the_root_service_lists_the_services_quoted", () => {
    const services: AttributeValue[] = [{ value: "checkout", type: "string", spanCount: 5 }, { value: "7", type: "int", spanCount: 1 }];
    expect(labelsAt("{ rootServiceName = ", services)).toEqual(['"checkout"']);
  });

  it("complete_conditions_and_spansets_list_what_may_follow", () => {
    expect(labelsAt('{ span.a = "x" ')).toEqual(["&&", "||", "}"]);
    expect(labelsAt("{ status = error } ")).toEqual(["&&", "||", ">>", ">", "<<", "<", "~"]);
  });

  it("a_new_spanset_offers_an_empty_filter_and_fields_with_their_brace", () => {
    const items = suggestionsFor(completionContext("{ } >> ", 7), KEYS, []);
    expect(items[0]).toMatchObject({ label: "{ }", insert: "{ } " });
    expect(items.find((item) => item.label === "status")).toMatchObject({ insert: "{ status " });
  });

  it("lists_at_most_the_limit", () => {
    const many = Array.from({ length: 80 }, (_, index) => ({ key: `k${index}`, scope: "span" as const, spanCount: 1 }));
    expect(suggestionsFor(completionContext("{ span.", 7), many, [])).toHaveLength(MAX_SUGGESTIONS);
  });
});

describe("valueLookup", () => {
  it.each([
    ["a_span_attribute", "{ span.http.method = ", { key: "http.method", scope: "span" }],
    ["an_unscoped_attribute_asks_both_scopes", "{ .http.method = ", { key: "http.method", scope: undefined }],
    ["an_enum_intrinsic_needs_no_lookup", "{ status = ", null],
    ["the_root_service_looks_up_the_services", "{ trace:rootService = ", { key: "service.name", scope: "resource" }],
    ["a_name_has_no_lookup", "{ name = ", null],
    ["a_field_context_needs_none", "{ span.", null],
  ])("%s", (_name, text, expected) => {
    expect(valueLookup(completionContext(text, text.length))).toEqual(expected);
  });
});

describe("opensWhileTyping", () => {
  it.each([
    ["{ ", true],
    ["{ span.a ", true],
    ["{ span.a = ", true],
    ["st", true],
    ["", false],
    ['{ span.a = "x" ', false],
    ["{ status = error }", false],
  ])("%j opens: %s", (text, opens) => {
    expect(opensWhileTyping(completionContext(text, text.length))).toBe(opens);
  });
});

describe("applySuggestion", () => {
  it("replaces_the_typed_word_and_puts_the_cursor_after_the_insert", () => {
    expect(applySuggestion("{ span.ht }", { from: 2, to: 9 }, { insert: "span.http.method " })).toEqual({ text: "{ span.http.method }", cursor: 19 });
  });

  it("reuses_a_space_that_follows", () => {
    expect(applySuggestion("{ sta = 1 }", { from: 2, to: 5 }, { insert: "status " })).toEqual({ text: "{ status = 1 }", cursor: 9 });
  });

  it("puts_a_space_before_an_operator_that_would_touch_a_value", () => {
    expect(applySuggestion('{ .a = "x"', { from: 10, to: 10 }, { insert: "&& " })).toEqual({ text: '{ .a = "x" && ', cursor: 14 });
    expect(applySuggestion("{", { from: 1, to: 1 }, { insert: "status " })).toEqual({ text: "{ status ", cursor: 9 });
  });

  it("puts_no_space_after_a_parenthesis_or_a_negation", () => {
    expect(applySuggestion("{ !(", { from: 4, to: 4 }, { insert: "span." })).toEqual({ text: "{ !(span.", cursor: 9 });
  });

  it("an_open_string_is_replaced_with_its_closing_quote", () => {
    const text = '{ .a = "GE" }';
    const context = completionContext(text, 10);
    expect(applySuggestion(text, context, { insert: '"GET" ' })).toEqual({ text: '{ .a = "GET" }', cursor: 13 });
  });
});
