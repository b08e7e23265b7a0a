import { describe, expect, it } from "vitest";
import { formatTraceQL, parseTraceQL, TraceQLError } from "@/lib/query/traceql";

/** Query -> canonical text (every nested operation parenthesized): shows how the parser grouped it. */
const PARSES: Array<[name: string, query: string, canonical: string]> = [
  ["empty_filter", "{}", "{ }"],
  ["empty_filter_with_space", "{   }", "{ }"],
  ["plain_intrinsic", '{ name = "GET /" }', '{ name = "GET /" }'],
  ["scoped_span_intrinsic", '{ span:name = "GET /" }', '{ name = "GET /" }'],
  ["scoped_status_and_kind", "{ span:status = error && span:kind = server }", "{ status = error && kind = server }"],
  ["status_message", '{ span:statusMessage = "Forbidden" }', '{ statusMessage = "Forbidden" }'],
  ["trace_root_name", '{ trace:rootName = "HTTP GET" }', '{ rootName = "HTTP GET" }'],
  ["trace_root_service_scoped", '{ trace:rootService = "gateway" }', '{ rootServiceName = "gateway" }'],
  ["trace_root_service_plain", '{ rootServiceName = "gateway" }', '{ rootServiceName = "gateway" }'],
  ["trace_duration_scoped", "{ trace:duration > 100ms }", "{ traceDuration > 100ms }"],
  ["trace_duration_plain", "{ traceDuration > 2s }", "{ traceDuration > 2s }"],
  ["span_attribute_dotted", '{ span.http.request.method = "GET" }', '{ span.http.request.method = "GET" }'],
  ["resource_attribute", '{ resource.deployment.environment = "production" }', '{ resource.deployment.environment = "production" }'],
  ["unscoped_attribute", "{ .http.status_code = 200 }", "{ .http.status_code = 200 }"],
  ["quoted_key_with_spaces", '{ span."attribute name with space" = "value" }', '{ span."attribute name with space" = "value" }'],
  ["quoted_part_after_unquoted", '{ span.attribute."with.dot" = "v" }', '{ span.attribute.with.dot = "v" }'],
  ["quoted_key_escapes", '{ span."a\\"b" = 1 }', '{ span."a\\"b" = 1 }'],
  ["no_spaces_around_operators", "{span.http.status_code>=400&&span.http.status_code<500}", "{ span.http.status_code >= 400 && span.http.status_code < 500 }"],
  ["string_escapes", '{ name = "a\\"b\\\\c\\n" }', '{ name = "a\\"b\\\\c\\n" }'],
  ["raw_string", "{ name = `C:\\path` }", '{ name = "C:\\\\path" }'],
  ["float_literal", "{ .ratio > 0.25 }", "{ .ratio > 0.25 }"],
  ["float_exponent", "{ .size > 1.5e3 }", "{ .size > 1500.0 }"],
  ["negative_int", "{ .retries > -1 }", "{ .retries > -1 }"],
  ["min_and_max_int", "{ .v != minInt && .v != maxInt }", "{ .v != -9223372036854775808 && .v != 9223372036854775807 }"],
  ["bool_literals", "{ .cached = true || .cached = false }", "{ .cached = true || .cached = false }"],
  ["bare_boolean_attribute", "{ span.cached }", "{ span.cached }"],
  ["not_bare_attribute", "{ !span.cached }", "{ !span.cached }"],
  ["bare_true", "{ true }", "{ true }"],
  ["nil_present", "{ span.foo != nil }", "{ span.foo != nil }"],
  ["nil_absent", "{ resource.service.version = nil }", "{ resource.service.version = nil }"],
  ["nil_on_the_left", "{ nil != .foo }", "{ .foo != nil }"],
  ["all_kinds", "{ kind = unspecified || kind = internal || kind = server || kind = client || kind = producer || kind = consumer }",
    "{ ((((kind = unspecified || kind = internal) || kind = server) || kind = client) || kind = producer) || kind = consumer }"],
  ["all_statuses", "{ status = ok || status = error || status = unset }", "{ (status = ok || status = error) || status = unset }"],
  ["duration_ms", "{ duration > 150ms }", "{ duration > 150ms }"],
  ["duration_fraction_of_seconds", "{ duration > 1.5s }", "{ duration > 1500ms }"],
  ["duration_us", "{ duration > 500us }", "{ duration > 500us }"],
  ["duration_ns", "{ duration > 10ns }", "{ duration > 10ns }"],
  ["duration_minutes", "{ duration > 1m }", "{ duration > 1m }"],
  ["duration_hours", "{ duration < 1h }", "{ duration < 1h }"],
  ["duration_compound", "{ duration < 1h30m }", "{ duration < 90m }"],
  ["duration_days_as_prometheus", "{ traceDuration < 1d }", "{ traceDuration < 24h }"],
  ["regex_and_negated_regex", '{ name =~ "GET.*" && name !~ ".*health.*" }', '{ name =~ "GET.*" && name !~ ".*health.*" }'],
  ["and_or_same_level_left_to_right", "{ .a = 1 || .b = 2 && .c = 3 }", "{ (.a = 1 || .b = 2) && .c = 3 }"],
  ["and_then_or_left_to_right", "{ .a = 1 && .b = 2 || .c = 3 }", "{ (.a = 1 && .b = 2) || .c = 3 }"],
  ["parentheses_group_or", "{ .a = 1 || (.b = 2 && .c = 3) }", "{ .a = 1 || (.b = 2 && .c = 3) }"],
  ["nested_parentheses", "{ ((( .a = 1 ))) && ((.b = 2)) }", "{ .a = 1 && .b = 2 }"],
  ["not_of_group", "{ !(.a = 1 || .b = 2) }", "{ !(.a = 1 || .b = 2) }"],
  ["double_negation", "{ !!(.a = 1) }", "{ !(!(.a = 1)) }"],
  ["spanset_and", "{ .a = 1 } && { .b = 2 }", "{ .a = 1 } && { .b = 2 }"],
  ["spanset_or", "{ .a = 1 } || { .b = 2 }", "{ .a = 1 } || { .b = 2 }"],
  ["structural_binds_tighter_than_and", "{ .a = 1 } && { .b = 2 } >> { .c = 3 }", "{ .a = 1 } && ({ .b = 2 } >> { .c = 3 })"],
  ["structural_left_to_right", "{ .a = 1 } >> { .b = 2 } ~ { .c = 3 }", "({ .a = 1 } >> { .b = 2 }) ~ { .c = 3 }"],
  ["spanset_or_and_same_level", "{ .a = 1 } || { .b = 2 } && { .c = 3 }", "({ .a = 1 } || { .b = 2 }) && { .c = 3 }"],
  ["spanset_parentheses", "({ .a = 1 } || { .b = 2 }) >> { .c = 3 }", "({ .a = 1 } || { .b = 2 }) >> { .c = 3 }"],
  ...[">", ">>", "<", "<<", "~", "!>", "!>>", "!<", "!<<", "!~", "&>", "&>>", "&<", "&<<", "&~"].map(
    (op): [string, string, string] => [`structural_${op}`, `{ .a = 1 } ${op} { .b = 2 }`, `{ .a = 1 } ${op} { .b = 2 }`],
  ),
  ["line_comment", "{ .a = 1 } // the frontend's spans", "{ .a = 1 }"],
  ["block_comment_and_newlines", "{\n  .a = 1 /* one */\n  && .b = 2\n}", "{ .a = 1 && .b = 2 }"],
  ["field_against_field", "{ .a = .b }", "{ .a = .b }"],
];

describe("parseTraceQL", () => {
  it.each(PARSES)("%s", (_name, query, canonical) => {
    const parsed = parseTraceQL(query);
    expect(formatTraceQL(parsed)).toBe(canonical);
    // The canonical text parses back to the same tree.
    expect(formatTraceQL(parseTraceQL(canonical))).toBe(canonical);
  });
});

/** Query -> kind, line, column and message of the error. */
const ERRORS: Array<[name: string, query: string, kind: string, line: number, column: number, message: RegExp]> = [
  ["pipeline_count", "{ .a = 1 } | count() > 1", "unsupported", 1, 12, /pipelines \(`\|`\) are not supported/],
  ["aggregate_without_filter", "count() > 1", "unsupported", 1, 1, /`count\(\)` is not supported/],
  ["average_aggregate", "avg(duration) > 20ms", "unsupported", 1, 1, /`avg\(\)` is not supported/],
  ["pipeline_select", "{ .a = 1 } | select(span.b)", "unsupported", 1, 12, /pipelines/],
  ["pipeline_by", "{ } | by(resource.service.name)", "unsupported", 1, 5, /pipelines/],
  ["query_hints", "{ .a = 1 } with (sample=true)", "unsupported", 1, 12, /query hints/],
  ["arithmetic_plus", "{ .a + 1 = 2 }", "unsupported", 1, 6, /arithmetic \(`\+`\)/],
  ["arithmetic_minus_on_field", "{ -.a = 1 }", "unsupported", 1, 3, /arithmetic \(`-`\)/],
  ["arithmetic_on_the_right", "{ .a = .b * 2 }", "unsupported", 1, 11, /arithmetic \(`\*`\)/],
  ["event_scope", '{ event.exception.message = "x" }', "unsupported", 1, 3, /`event\.` attributes are not supported/],
  ["link_scope", '{ link.opentracing.ref_type = "x" }', "unsupported", 1, 3, /`link\.` attributes/],
  ["parent_scope", "{ parent.http.status_code = 200 }", "unsupported", 1, 3, /`parent\.` attributes/],
  ["instrumentation_scope", '{ instrumentation.language = "java" }', "unsupported", 1, 3, /`instrumentation\.` attributes/],
  ["span_id_intrinsic", '{ span:id = "0000000000000001" }', "unsupported", 1, 3, /intrinsic `span:id` is not supported/],
  ["child_count_intrinsic", "{ childCount > 1 }", "unsupported", 1, 3, /intrinsic `childCount` is not supported/],
  ["event_name_intrinsic", '{ event:name = "exception" }', "unsupported", 1, 3, /intrinsic `event:name`/],
  ["unknown_scoped_intrinsic", "{ span:bogus = 1 }", "syntax", 1, 3, /unknown intrinsic `span:bogus`/],
  ["unscoped_word", '{ foo = "bar" }', "syntax", 1, 3, /unknown identifier `foo`: an attribute needs a scope/],
  ["unclosed_filter", "{ .a = 1 ", "syntax", 1, 10, /unexpected end of query, expected `}`/],
  ["missing_value", "{ .a = }", "syntax", 1, 8, /unexpected `}`, expected a field or a value/],
  ["double_equals", "{ .a == 1 }", "syntax", 1, 7, /unexpected `=`/],
  ["unterminated_string", '{ name = "abc }', "syntax", 1, 10, /unterminated string/],
  ["invalid_escape", '{ name = "a\\qb" }', "syntax", 1, 12, /invalid escape sequence \\q/],
  ["chained_comparison", "{ .a = 1 < 2 }", "syntax", 1, 10, /comparisons cannot be chained/],
  ["trailing_filter", "{ .a = 1 } { .b = 2 }", "syntax", 1, 12, /after a complete spanset expression/],
  ["structural_without_right_side", "{ .a = 1 } >>", "syntax", 1, 14, /unexpected end of query, expected a spanset filter/],
  ["single_ampersand", "{ .a = 1 } & { }", "syntax", 1, 12, /unexpected character `&`/],
  ["empty_attribute_name", "{ span. = 1 }", "syntax", 1, 8, /expected an attribute name after `span\.`/],
  ["unclosed_parenthesis", "({ .a = 1 }", "syntax", 1, 12, /expected `\)` to close the parenthesis/],
  ["status_against_string", '{ status = "error" }', "type", 1, 10, /cannot compare status with string/],
  ["kind_against_string", '{ kind = "server" }', "type", 1, 8, /cannot compare kind with string/],
  ["name_against_int", "{ name = 5 }", "type", 1, 8, /cannot compare string with int/],
  ["duration_against_string", '{ duration > "1s" }', "type", 1, 12, /cannot compare duration with string/],
  ["regex_on_a_duration", '{ duration =~ "1.*" }', "type", 1, 12, /needs a string on the left, not duration/],
  ["regex_pattern_not_a_string", "{ .a =~ 5 }", "type", 1, 9, /right side of `=~` must be a string/],
  ["ordering_on_booleans", "{ .a > true }", "type", 1, 6, /`>` does not apply to bool/],
  ["ordering_on_status", "{ status > error }", "type", 1, 10, /`>` does not apply to status/],
  ["invalid_regex", '{ .a =~ "(" }', "type", 1, 9, /invalid regular expression/],
  ["lookahead_regex", '{ .a =~ "(?=x)y" }', "type", 1, 9, /lookaround assertions are not supported/],
  ["backreference_regex", '{ .a =~ "(a)\\\\1" }', "type", 1, 9, /backreferences are not supported/],
  ["ordering_against_nil", "{ .a > nil }", "type", 1, 6, /`>` does not apply to nil/],
  ["negation_before_comparison", "{ !.a = 1 }", "type", 1, 3, /a condition cannot be compared with `=`; to negate a comparison write !\(a = b\)/],
  ["string_intrinsic_as_condition", "{ name }", "type", 1, 3, /must be a boolean, not string/],
  ["number_as_condition", "{ 1 }", "type", 1, 3, /must be a boolean, not int/],
  ["nil_as_condition", "{ nil }", "type", 1, 3, /nil alone is not a condition/],
  ["position_on_a_later_line", "{\n  .a = 1 &&\n  name = 5\n}", "type", 3, 8, /cannot compare string with int/],
];

describe("parseTraceQL errors", () => {
  it.each(ERRORS)("%s", (_name, query, kind, line, column, message) => {
    let error: unknown;
    try {
      parseTraceQL(query);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TraceQLError);
    const { kind: actualKind, position, reason, message: text } = error as TraceQLError;
    expect({ kind: actualKind, line: position.line, column: position.column }).toEqual({ kind, line, column });
    expect(reason).toMatch(message);
    expect(text).toBe(`${reason} at line ${line}, column ${column}`);
  });
});
