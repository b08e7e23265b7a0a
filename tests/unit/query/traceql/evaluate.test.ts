import { describe, expect, it } from "vitest";
import { SpanKind, StatusCode, type SpanRecord } from "@/lib/domain/span-record";
import { matchingSpans, parseTraceQL } from "@/lib/query/traceql";
import { testSpan } from "../../../store/support/test-spans";

const MS = 1_000_000n;
const T0 = 1_800_000_000_000_000_000n;
const TRACE = "0af7651916cd43dd8448eb211c80319c";

const RESOURCES = {
  frontend: { "service.name": "frontend", "deployment.environment": "production" },
  cart: { "service.name": "cart", "deployment.environment": "staging" },
  payment: { "service.name": "payment" },
  worker: { "service.name": "worker" },
};

function span(letter: string, parent: string | null, service: keyof typeof RESOURCES, fields: Partial<SpanRecord> & { from: number; to: number }): SpanRecord {
  const { from, to, ...rest } = fields;
  const id = (of: string) => of.charCodeAt(0).toString(16).padStart(16, "0");
  return testSpan({
    traceId: TRACE,
    spanId: id(letter),
    parentSpanId: parent === null ? null : parent === "?" ? "ffffffffffffffff" : id(parent),
    serviceName: service,
    resourceAttributes: RESOURCES[service],
    startTimeNs: T0 + BigInt(from) * MS,
    endTimeNs: T0 + BigInt(to) * MS,
    ...rest,
  });
}

/**
 * One checkout trace (letters are the spans; times in ms from the trace start):
 *   A frontend "GET /checkout" server 0-500, http.status_code 200 (int)
 *   ├ B frontend "call cart" client 10-110 (100 ms), peer.service "cart"
 *   │ └ C cart "AddItem" server 20-100, error "out of stock", item.count 3, ratio 0.5, tags ["a","b"], "key with space"
 *   │   └ D cart "SELECT items" client 30-60, error, db.system "postgresql"
 *   ├ E frontend "call payment" client 120-320, http.status_code "200" (a string)
 *   │ └ F payment "Charge" server 130-280, ok, amount 12.5, retry true
 *   └ G frontend "render" internal 400-405, span attributes service.name and status, a big int
 *   H worker "orphan job" consumer 600-1600, parent not in the trace
 */
const SPANS: Record<string, SpanRecord> = {
  A: span("A", null, "frontend", { name: "GET /checkout", kind: SpanKind.SERVER, from: 0, to: 500, attributes: { "http.method": "GET", "http.status_code": 200 } }),
  B: span("B", "A", "frontend", { name: "call cart", kind: SpanKind.CLIENT, from: 10, to: 110, attributes: { "peer.service": "cart" } }),
  C: span("C", "B", "cart", {
    name: "AddItem", kind: SpanKind.SERVER, statusCode: StatusCode.ERROR, statusMessage: "out of stock", from: 20, to: 100,
    attributes: { "item.count": 3, ratio: { double: 0.5 }, tags: ["a", "b"], "key with space": "v" },
  }),
  D: span("D", "C", "cart", { name: "SELECT items", kind: SpanKind.CLIENT, statusCode: StatusCode.ERROR, from: 30, to: 60, attributes: { "db.system": "postgresql" } }),
  E: span("E", "A", "frontend", { name: "call payment", kind: SpanKind.CLIENT, from: 120, to: 320, attributes: { "http.status_code": "200" } }),
  F: span("F", "E", "payment", { name: "Charge", kind: SpanKind.SERVER, statusCode: StatusCode.OK, from: 130, to: 280, attributes: { amount: { double: 12.5 }, retry: true } }),
  G: span("G", "A", "frontend", {
    name: "render", kind: SpanKind.INTERNAL, from: 400, to: 405,
    attributes: { "service.name": "span-level-service", status: "error", big: { int: "9007199254740993" } },
  }),
  H: span("H", "?", "worker", { name: "orphan job", kind: SpanKind.CONSUMER, from: 600, to: 1600 }),
};
// Stored order is arbitrary: evaluation must not depend on it.
const STORED = [SPANS.F, SPANS.H, SPANS.C, SPANS.A, SPANS.G, SPANS.D, SPANS.B, SPANS.E];
const letterOf = new Map(Object.entries(SPANS).map(([letter, record]) => [record, letter]));

/** Query -> the letters of the spans it selects in the trace ("" when the trace does not match). */
const CASES: Array<[name: string, query: string, selected: string]> = [
  // Spanset filters and intrinsics
  ["empty_filter_selects_every_span", "{ }", "ABCDEFGH"],
  ["true_selects_every_span", "{ true }", "ABCDEFGH"],
  ["false_selects_nothing", "{ false }", ""],
  ["name", '{ name = "AddItem" }', "C"],
  ["scoped_name", '{ span:name = "AddItem" }', "C"],
  ["raw_string_literal", "{ name = `AddItem` }", "C"],
  ["status_error", "{ status = error }", "CD"],
  ["scoped_status", "{ span:status = error }", "CD"],
  ["status_ok", "{ status = ok }", "F"],
  ["status_unset", "{ status = unset }", "ABEGH"],
  ["status_not_error", "{ status != error }", "ABEFGH"],
  ["attribute_named_status_is_not_the_intrinsic", '{ .status = "error" }', "G"],
  ["status_keyword_never_equals_a_string_attribute", "{ span.status = error }", ""],
  ["kind_server", "{ kind = server }", "ACF"],
  ["kind_client", "{ kind = client }", "BDE"],
  ["scoped_kind_consumer", "{ span:kind = consumer }", "H"],
  ["kind_not_server", "{ kind != server }", "BDEGH"],
  ["status_message", '{ statusMessage = "out of stock" }', "C"],
  ["status_message_regex", '{ span:statusMessage =~ "out.*" }', "C"],
  ["duration_greater", "{ duration > 100ms }", "AEFH"],
  ["duration_greater_or_equal_includes_exactly_100ms", "{ duration >= 100ms }", "ABEFH"],
  ["duration_less", "{ duration < 10ms }", "G"],
  ["duration_less_or_equal", "{ duration <= 30ms }", "DG"],
  ["duration_equal", "{ duration = 5ms }", "G"],
  ["duration_not_equal", "{ duration != 5ms }", "ABCDEFH"],
  ["duration_in_fractional_seconds", "{ duration > 0.1s }", "AEFH"],
  ["duration_in_microseconds", "{ duration > 500us }", "ABCDEFGH"],
  ["root_name_holds_for_every_span", '{ rootName = "GET /checkout" }', "ABCDEFGH"],
  ["scoped_root_name_with_kind", '{ trace:rootName = "GET /checkout" && kind = client }', "BDE"],
  ["root_service_with_name", '{ rootServiceName = "frontend" && name = "Charge" }', "F"],
  ["root_service_other", '{ trace:rootService = "cart" }', ""],
  ["trace_duration_includes_the_orphan", "{ traceDuration > 1s }", "ABCDEFGH"],
  ["scoped_trace_duration", "{ trace:duration < 1s }", ""],
  // Attributes and scopes
  ["resource_attribute", '{ resource.service.name = "cart" }', "CD"],
  ["resource_dotted_key", '{ resource.deployment.environment = "production" }', "ABEG"],
  ["unscoped_falls_back_to_the_resource", '{ .service.name = "cart" }', "CD"],
  ["unscoped_prefers_the_span_attribute", '{ .service.name = "span-level-service" }', "G"],
  ["unscoped_span_attribute_hides_the_resource_one", '{ .service.name = "frontend" }', "ABE"],
  ["span_scope_ignores_resource", '{ span.service.name = "frontend" }', ""],
  ["quoted_key", '{ span."key with space" = "v" }', "C"],
  // Typed values
  ["int_equals_int_not_the_string", "{ span.http.status_code = 200 }", "A"],
  ["string_equals_string_not_the_int", '{ span.http.status_code = "200" }', "E"],
  ["int_range", "{ span.http.status_code >= 200 && span.http.status_code < 300 }", "A"],
  ["not_equal_skips_other_types_and_missing", "{ span.http.status_code != 500 }", "A"],
  ["regex_on_a_number_never_matches", '{ span.http.status_code =~ "2.." }', "E"],
  ["string_ordering_is_lexicographic", '{ span.http.status_code >= "200" }', "E"],
  ["int_equals_float", "{ span.item.count = 3.0 }", "C"],
  ["int_greater", "{ span.item.count > 2 }", "C"],
  ["int_below_max_int", "{ span.item.count < maxInt }", "C"],
  ["int_above_negative", "{ span.item.count > -1 }", "C"],
  ["float_equals", "{ span.ratio = 0.5 }", "C"],
  ["float_against_int", "{ span.ratio < 1 }", "C"],
  ["float_range", "{ span.amount > 12 && span.amount < 13 }", "F"],
  ["bool_equals", "{ span.retry = true }", "F"],
  ["bare_bool_attribute", "{ span.retry }", "F"],
  ["bool_is_not_its_text", '{ span.retry = "true" }', ""],
  ["int_beyond_2_53_exact", "{ span.big = 9007199254740993 }", "G"],
  ["int_beyond_2_53_ordered", "{ span.big > 9007199254740992 }", "G"],
  ["duration_is_not_an_attribute_string", '{ span.item.count = "3" }', ""],
  // Arrays: = and =~ any element, != and !~ every element
  ["array_equals_any_element", '{ span.tags = "b" }', "C"],
  ["array_not_equal_when_no_element_equals", '{ span.tags != "c" }', "C"],
  ["array_not_equal_fails_when_one_element_equals", '{ span.tags != "a" }', ""],
  ["array_regex_any_element", '{ span.tags =~ "[ab]" }', "C"],
  ["array_negated_regex_no_element", '{ span.tags !~ "a" }', ""],
  // nil and missing attributes
  ["not_equal_on_a_missing_attribute_is_no_match", '{ span.peer.service != "payment" }', "B"],
  ["negated_equality_includes_missing", '{ !(span.peer.service = "cart") }', "ACDEFGH"],
  ["present", "{ span.peer.service != nil }", "B"],
  ["absent", "{ span.peer.service = nil }", "ACDEFGH"],
  ["present_with_nil_on_the_left", "{ nil != span.peer.service }", "B"],
  ["unscoped_present_in_either_scope", "{ .deployment.environment != nil }", "ABCDEG"],
  // Regular expressions (fully anchored)
  ["regex_is_anchored", '{ span.db.system =~ "postgres" }', ""],
  ["regex_with_wildcard", '{ span.db.system =~ "postgres.*" }', "D"],
  ["regex_alternation", '{ span.db.system =~ "postgresql|mysql" }', "D"],
  ["negated_regex_needs_the_attribute", '{ span.db.system !~ "mysql" }', "D"],
  ["negated_regex_on_names", '{ name !~ "call.*" }', "ACDFGH"],
  ["case_insensitive_flag", '{ name =~ "(?i)additem" }', "C"],
  ["regex_posix_class", '{ name =~ "[[:upper:]][[:alpha:]]+" }', "CF"],
  // Logical operators inside a filter
  ["and_inside_a_filter", "{ kind = server && status = error }", "C"],
  ["and_and_or_left_to_right_as_in_tempo", '{ name = "render" || name =~ "call.*" && duration > 150ms }', "E"],
  ["explicit_grouping_of_the_same", '{ (name = "render" || name =~ "call.*") && duration > 150ms }', "E"],
  ["grouping_the_and_first", '{ name = "render" || (name =~ "call.*" && duration > 150ms) }', "EG"],
  ["nested_parentheses", '{ ((((name = "Charge")))) }', "F"],
  ["double_negation", "{ !(!(status = error)) }", "CD"],
  ["conjunction_of_three", '{ name = "GET /checkout" && kind = server && status != error }', "A"],
  ["both_resource_values_on_one_span_is_impossible", '{ resource.deployment.environment = "production" && resource.deployment.environment = "staging" }', ""],
  // Spanset operators: && and || keep the spans of both sides
  ["spanset_and_keeps_both_sides", '{ name = "AddItem" } && { name = "Charge" }', "CF"],
  ["spanset_and_needs_both", '{ name = "AddItem" } && { name = "nope" }', ""],
  ["spanset_or_one_side", '{ name = "AddItem" } || { name = "nope" }', "C"],
  ["spanset_or_both", '{ name = "AddItem" } || { name = "Charge" }', "CF"],
  ["two_environments_in_one_trace", '{ resource.deployment.environment = "production" } && { resource.deployment.environment = "staging" }', "ABCDEG"],
  ["spanset_or_and_left_to_right_as_in_tempo", '{ name = "Charge" } || { name = "render" } && { name = "nope" }', ""],
  ["spanset_parentheses", '({ name = "Charge" } || { name = "render" }) && { name = "AddItem" }', "CFG"],
  ["structural_binds_tighter_than_and", '{ name = "render" } && { name = "call cart" } > { }', "CG"],
  // Structural operators: the right-hand spans with the relation to a left-hand span
  ["descendant_issue_example", '{ resource.service.name = "frontend" } >> { status = error }', "CD"],
  ["child", '{ resource.service.name = "frontend" } > { status = error }', "C"],
  ["child_of_a_named_span", '{ name = "call cart" } > { }', "C"],
  ["parent", "{ status = error } < { }", "BC"],
  ["ancestor", '{ name = "SELECT items" } << { }', "ABC"],
  ["ancestor_filtered", '{ name = "SELECT items" } << { kind = server }', "AC"],
  ["sibling", '{ name = "call cart" } ~ { }', "EG"],
  ["sibling_filtered", '{ name = "render" } ~ { kind = client }', "BE"],
  ["sibling_is_not_itself", '{ name = "render" } ~ { name = "render" }', ""],
  ["orphan_has_no_parent_in_the_tree", "{ } >> { name = \"orphan job\" }", ""],
  ["not_parent_leaf_spans_of_a_service", '{ } !< { resource.service.name = "cart" }', "D"],
  ["not_parent_last_error_of_a_cascade", "{ status = error } !< { status = error }", "D"],
  ["not_child", "{ kind = server } !> { }", "ACFH"],
  ["not_descendant", '{ name = "call payment" } !>> { status = error }', "CD"],
  ["not_descendant_none", '{ name = "call cart" } !>> { status = error }', ""],
  ["not_ancestor", '{ status = error } !<< { kind = server }', "F"],
  ["not_sibling", "{ } !~ { }", "ACDFH"],
  ["union_child", '{ name = "call cart" } &> { }', "BC"],
  ["union_descendant", '{ resource.service.name = "frontend" } &>> { status = error }', "ABCD"],
  ["union_parent", '{ name = "Charge" } &< { }', "EF"],
  ["union_ancestor", '{ name = "SELECT items" } &<< { kind = server }', "ACD"],
  ["union_sibling", '{ name = "render" } &~ { name = "call payment" }', "EG"],
  ["structural_left_to_right", '{ name = "GET /checkout" } > { } > { kind = server }', "CF"],
];

describe("matchingSpans", () => {
  it.each(CASES)("%s", (_name, query, selected) => {
    const letters = matchingSpans(parseTraceQL(query), STORED)
      .map((record) => letterOf.get(record))
      .sort()
      .join("");
    expect(letters).toBe(selected);
  });

  it("a_trace_without_spans_matches_nothing_even_the_empty_filter", () => {
    expect(matchingSpans(parseTraceQL("{ }"), [])).toEqual([]);
  });

  it("a_trace_without_a_root_has_nil_root_intrinsics", () => {
    const query = parseTraceQL('{ rootName != "x" } || { trace:rootService = nil }');
    expect(matchingSpans(query, [SPANS.H]).map((record) => letterOf.get(record))).toEqual(["H"]);
  });

  it("a_parent_loop_is_not_followed", () => {
    const loop = [span("X", "Y", "worker", { from: 0, to: 1 }), span("Y", "X", "worker", { from: 0, to: 1 })];
    expect(matchingSpans(parseTraceQL("{ } >> { }"), loop)).toEqual([]);
    expect(matchingSpans(parseTraceQL("{ } !>> { }"), loop)).toHaveLength(2);
  });
});
