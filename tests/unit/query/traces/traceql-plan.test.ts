import { describe, expect, it } from "vitest";
import { parseTraceQL } from "@/lib/query/traceql";
import { candidatePlan, pushdown, storedFormsOf, type CandidatePlan, type FormulaPlan } from "@/lib/query/traces/traceql-plan";

/** A formula as text: `scope.key=forms` (`?` for presence, `~/regex/`), `&` and `|` parenthesized. */
function formulaText(formula: FormulaPlan): string {
  if ("pattern" in formula) return `${formula.scope}.${formula.key}~${formula.pattern}`;
  if ("key" in formula) return `${formula.scope}.${formula.key}${formula.storedForms === null ? "?" : `=${formula.storedForms.join("/")}`}`;
  const [parts, joiner] = "all" in formula ? [formula.all, " & "] : [formula.any, " | "];
  return `(${parts.map(formulaText).join(joiner)})`;
}

function planText(plan: CandidatePlan): string {
  if (plan.kind === "everything") return "*";
  if (plan.kind === "spans") return `[${formulaText(plan.formula)}]`;
  return `${plan.kind}(${plan.parts.map(planText).join(", ")})`;
}

describe("candidatePlan", () => {
  it.each([
    ["string_equality", '{ span.http.route = "/a" }', '[span.http.route="/a"]'],
    ["unscoped_is_either_scope", '{ .env = "prod" }', '[any.env="prod"]'],
    ["int_matches_int_and_equal_double", "{ span.code = 500 }", '[span.code=500/{"double":500}]'],
    ["float_with_integral_value", "{ span.code = 500.0 }", '[span.code=500/{"double":500}]'],
    ["fraction", "{ span.ratio = 0.5 }", '[span.ratio={"double":0.5}]'],
    ["int_beyond_2_53", "{ span.big = 9007199254740993 }", '[span.big={"int":"9007199254740993"}/{"double":9007199254740992}]'],
    ["bool", "{ span.cached = true }", "[span.cached=true]"],
    ["bare_bool", "{ span.cached }", "[span.cached=true]"],
    ["presence", "{ resource.k8s.pod != nil }", "[resource.k8s.pod?]"],
    ["absence_cannot_narrow", "{ span.a = nil }", "*"],
    ["not_equal_cannot_narrow", '{ span.a != "x" }', "*"],
    ["regex_is_a_term_for_the_listed_values", '{ span.a =~ "x.*" }', "[span.a~/^(?:x.*)$/u]"],
    ["regex_with_an_equality", '{ span.a =~ "x.*" && .b = "y" }', '[(span.a~/^(?:x.*)$/u & any.b="y")]'],
    ["negated_regex_cannot_narrow", '{ span.a !~ "x.*" }', "*"],
    ["intrinsics_cannot_narrow", '{ name = "x" && status = error }', "*"],
    ["negation_cannot_narrow", '{ !(span.a = "x") }', "*"],
    ["and_keeps_the_narrowing_side", '{ span.a = "x" && duration > 1s }', '[span.a="x"]'],
    ["and_of_two_attributes_in_one_span", '{ span.a = "x" && span.b = 1 }', '[(span.a="x" & span.b=1/{"double":1})]'],
    ["or_of_two_attributes", '{ span.a = "x" || span.b = "y" }', '[(span.a="x" | span.b="y")]'],
    ["or_with_an_unindexable_side", '{ span.a = "x" || name = "y" }', "*"],
    ["spanset_and_intersects", '{ span.a = "x" } && { span.b = "y" }', 'all([span.a="x"], [span.b="y"])'],
    ["spanset_or_unites", '{ span.a = "x" } || { span.b = "y" }', 'any([span.a="x"], [span.b="y"])'],
    ["spanset_or_with_everything", '{ span.a = "x" } || { }', "*"],
    ["structural_needs_both_sides", '{ resource.service.name = "api" } >> { span.db = "pg" }', 'all([resource.service.name="api"], [span.db="pg"])'],
    ["structural_with_one_narrowing_side", '{ resource.service.name = "api" } >> { status = error }', '[resource.service.name="api"]'],
    ["negated_structural_needs_the_right_side_only", '{ span.a = "x" } !> { span.b = "y" }', '[span.b="y"]'],
    ["union_structural_needs_both", '{ span.a = "x" } &> { span.b = "y" }', 'all([span.a="x"], [span.b="y"])'],
    ["status_literal_against_attribute_lists_nothing", "{ span.status = error }", "*"],
  ])("%s", (_name, query, expected) => {
    expect(planText(candidatePlan(parseTraceQL(query).root))).toBe(expected);
  });
});

describe("pushdown", () => {
  it.each([
    ["intrinsics_of_one_filter", '{ name = "GET" && status = error && kind = server }', { spans: [{ tags: [], name: "GET", statusCode: 2, kind: 2 }] }],
    ["duration_range", "{ duration > 1s && duration <= 2s }", { spans: [{ tags: [], minDurationNs: 1_000_000_001n, maxDurationNs: 2_000_000_000n }] }],
    ["literal_on_the_left_flips", "{ 100ms < duration }", { spans: [{ tags: [], minDurationNs: 100_000_001n }] }],
    ["service_from_the_resource_attribute", '{ resource.service.name = "api" }', { spans: [{ tags: [], serviceName: "api" }] }],
    ["unscoped_service_is_not_pushed", '{ .service.name = "api" }', { spans: [] }],
    ["trace_duration_is_trace_level", "{ traceDuration > 1s }", { spans: [], minDurationNs: 1_000_000_001n }],
    ["each_filter_of_a_structural_query", '{ resource.service.name = "api" } >> { status = error }', { spans: [{ tags: [], serviceName: "api" }, { tags: [], statusCode: 2 }] }],
    ["or_inside_a_filter_is_not_pushed", '{ name = "a" || name = "b" }', { spans: [] }],
    ["spanset_or_is_not_pushed", '{ name = "a" } || { name = "b" }', { spans: [] }],
    ["negated_structural_pushes_the_right_side", '{ name = "a" } !> { name = "b" }', { spans: [{ tags: [], name: "b" }] }],
    ["not_equal_is_not_pushed", '{ name != "a" }', { spans: [] }],
  ])("%s", (_name, query, expected) => {
    expect(pushdown(parseTraceQL(query).root)).toEqual({ minDurationNs: undefined, maxDurationNs: undefined, ...expected });
  });
});

describe("storedFormsOf", () => {
  it.each([
    ["string", { type: "string", value: "a" } as const, ['"a"']],
    ["negative_int", { type: "int", value: -3n } as const, ["-3", '{"double":-3}']],
    ["infinity", { type: "float", value: Infinity } as const, ['{"double":"Infinity"}']],
    ["nan_lists_nothing", { type: "float", value: NaN } as const, []],
    ["integral_float_past_2_53_cannot_be_listed", { type: "float", value: 2 ** 60 } as const, null],
    ["duration_as_nanoseconds", { type: "duration", value: 1_000n } as const, ["1000", '{"double":1000}']],
  ])("%s", (_name, value, forms) => {
    expect(storedFormsOf(value)).toEqual(forms);
  });
});
