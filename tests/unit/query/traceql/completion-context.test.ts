import { describe, expect, it } from "vitest";
import { completionContext, type CompletionContext, type Field } from "@/lib/query/traceql";

/** `‸` marks the cursor. */
function contextAt(marked: string): CompletionContext {
  const cursor = marked.indexOf("‸");
  return completionContext(marked.slice(0, cursor) + marked.slice(cursor + 1), cursor);
}

const spanKey = (key: string): Field => ({ kind: "attribute", scope: "span", key });

describe("completionContext", () => {
  it.each<[string, string, Record<string, unknown>]>([
    ["empty_query_starts_a_spanset", "‸", { kind: "spanset", prefix: "", from: 0, to: 0 }],
    ["a_word_without_a_brace_starts_a_spanset", "sta‸", { kind: "spanset", prefix: "sta", from: 0, to: 3 }],
    ["after_the_brace_a_field", "{ ‸", { kind: "field", scope: null, prefix: "", from: 2, to: 2 }],
    ["after_the_brace_without_space", "{‸}", { kind: "field", scope: null, prefix: "", from: 1, to: 1 }],
    ["an_intrinsic_being_typed", "{ sta‸", { kind: "field", scope: null, prefix: "sta", from: 2, to: 5 }],
    ["the_span_scope", "{ span.‸", { kind: "field", scope: "span", prefix: "", from: 2, to: 7 }],
    ["the_resource_scope_with_a_dotted_prefix", "{ resource.service.na‸", { kind: "field", scope: "resource", prefix: "service.na", from: 2, to: 21 }],
    ["the_unscoped_dot", "{ .‸", { kind: "field", scope: "any", prefix: "", from: 2, to: 3 }],
    ["the_word_goes_on_past_the_cursor", "{ span.ht‸tp.method = 1 }", { kind: "field", scope: "span", prefix: "ht", from: 2, to: 18 }],
    ["after_and_inside_a_filter", '{ span.a = "x" && ‸', { kind: "field", scope: null, prefix: "" }],
    ["after_or_inside_a_filter", "{ span.a = 1 || res‸", { kind: "field", scope: null, prefix: "res" }],
    ["after_a_parenthesis", "{ (‸", { kind: "field", scope: null }],
    ["after_a_negation", "{ !‸", { kind: "field", scope: null }],
    ["after_a_field_an_operator", "{ span.http.method ‸", { kind: "operator", field: spanKey("http.method"), prefix: "", from: 19, to: 19 }],
    ["after_an_intrinsic_an_operator", "{ status ‸", { kind: "operator", field: { kind: "intrinsic", intrinsic: "status" }, prefix: "" }],
    ["after_a_scoped_intrinsic", "{ trace:rootService ‸", { kind: "operator", field: { kind: "intrinsic", intrinsic: "rootServiceName" } }],
    ["an_operator_being_typed", "{ span.a !‸", { kind: "operator", field: spanKey("a"), prefix: "!", from: 9, to: 10 }],
    ["an_equals_being_typed", "{ span.a =‸", { kind: "operator", field: spanKey("a"), prefix: "=", from: 9, to: 10 }],
    ["after_an_operator_a_value", "{ span.http.method = ‸", { kind: "value", field: spanKey("http.method"), op: "=", prefix: "", quoted: false, from: 21, to: 21 }],
    ["a_bare_value_being_typed", "{ status = er‸", { kind: "value", field: { kind: "intrinsic", intrinsic: "status" }, op: "=", prefix: "er", quoted: false, from: 11, to: 13 }],
    ["a_value_after_a_regex_operator", "{ .url =~ ‸", { kind: "value", field: { kind: "attribute", scope: "any", key: "url" }, op: "=~" }],
    ["an_open_string", '{ span.a = "GE‸', { kind: "value", field: spanKey("a"), prefix: "GE", quoted: true, from: 11, to: 14 }],
    ["an_open_string_takes_its_closing_quote", '{ span.a = "GE‸T" }', { kind: "value", prefix: "GE", quoted: true, from: 11, to: 16 }],
    ["after_a_value_the_condition_ends", '{ span.a = "GET" ‸', { kind: "condition-end" }],
    ["after_a_keyword_value", "{ status = error ‸", { kind: "condition-end" }],
    ["after_a_duration", "{ duration > 100ms ‸", { kind: "condition-end" }],
    ["after_a_closed_filter_a_spanset_operator", "{ status = error } ‸", { kind: "spanset-operator", from: 19, to: 19 }],
    ["after_a_structural_operator_a_new_spanset", '{ resource.service.name = "api" } >> ‸', { kind: "spanset", prefix: "" }],
    ["after_a_spanset_and", "{ } && ‸", { kind: "spanset" }],
    ["the_second_filter_of_a_structural_query", "{ } >> { span.‸", { kind: "field", scope: "span" }],
    ["a_value_after_a_non_field_is_nothing", "{ 1 = ‸", { kind: "none" }],
    ["a_word_after_a_value_is_nothing", '{ span.a = "x" y‸', { kind: "none" }],
    ["a_bad_character_before_is_nothing", "{ span.a = 1 # ‸", { kind: "none" }],
    ["a_word_after_a_closed_filter_is_nothing", "{ } x‸", { kind: "none" }],
  ])("%s", (_name, marked, expected) => {
    expect(contextAt(marked)).toMatchObject(expected);
  });

  it("a_multi_line_query_reads_the_line_of_the_cursor", () => {
    expect(contextAt('{ span.a = "x"\n  && resource.‸\n}')).toMatchObject({ kind: "field", scope: "resource" });
  });
});
