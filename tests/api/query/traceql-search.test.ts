import { beforeAll, expect, it } from "vitest";
import { TraceSearchQuery } from "@/lib/api/contracts/traces";
import { SpanKind, StatusCode, type SpanRecord } from "@/lib/domain/span-record";
import { formToTraceQL } from "@/lib/query/traces/form-traceql";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { MS, spanRecord } from "./span-records";

const T0 = 1_795_900_000_000_000_000n;
const WINDOW = `start=${T0 / MS}&end=${T0 / MS + 60_000n}`;

interface SpanSet {
  spans: Array<{ spanId: string; name: string; serviceName: string; startTimeUnixNano: string; durationMs: number }>;
  matched: number;
}
interface Answer {
  traces: Array<{ traceId: string; spanSet?: SpanSet }>;
  nextCursor: string | null;
  traceql?: { query: string; scanLimited: boolean };
}
interface ErrorAnswer {
  error: { code: string; message: string; details: Array<{ path: string; message: string; kind?: string; position?: { offset: number; line: number; column: number } }> };
}

const resource = (service: string, extra: Record<string, string> = {}) => ({ "service.name": service, ...extra });

/**
 * Traces in the first minute after T0 (newest first: T5, T4, T3, T2, T1), and OLD an hour before:
 * - T1 (t=0) api-gateway (env prod) "GET /checkout" server 120 ms, status_code 200 (int)
 *     -> checkout "PlaceOrder" server 100 ms -> payment "Charge" client error 50 ms
 *        ("card declined"; retries 2, amount 12.5, tags ["vip","eu"]) -> db "INSERT" client 10 ms (db.system)
 * - T2 (t=1s) api-gateway "GET /products" server 40 ms, http.route "/api/products/17", status_code "200" (a string)
 *     -> catalog "ListProducts" server ok 30 ms, "cache hit" true
 * - T3 (t=2s) worker "job" consumer 2 s, job.id 42 -> worker "step" internal error 5 ms
 * - T4 (t=3s) api-gateway "GET /health" server 1 ms, http.route "/health" -> checker "a" and "b", 1 ms each (siblings)
 * - T5 (t=4s) worker "split" internal 3 ms with x.a 1, and its child "other half" with x.b 2 written separately
 * - OLD (t=-1h) like T1's error path
 */
function fixture() {
  const ids = { T1: newTraceId(), T2: newTraceId(), T3: newTraceId(), T4: newTraceId(), T5: newTraceId(), OLD: newTraceId() };
  const at = (seconds: number, ms = 0) => T0 + BigInt(seconds * 1000 + ms) * MS;
  const gateway = resource("api-gateway", { "deployment.environment": "prod" });
  const checkout = (traceId: string, start: bigint): SpanRecord[] => [
    spanRecord({ traceId, spanId: spanIdOf(1), name: "GET /checkout", kind: SpanKind.SERVER, serviceName: "api-gateway", resourceAttributes: gateway, start, durationMs: 120, attributes: { "http.response.status_code": 200 } }),
    spanRecord({ traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: "PlaceOrder", kind: SpanKind.SERVER, serviceName: "checkout", resourceAttributes: resource("checkout"), start: start + 5n * MS, durationMs: 100 }),
    spanRecord({
      traceId, spanId: spanIdOf(3), parentSpanId: spanIdOf(2), name: "Charge", kind: SpanKind.CLIENT, statusCode: StatusCode.ERROR, statusMessage: "card declined",
      serviceName: "payment", resourceAttributes: resource("payment"), start: start + 10n * MS, durationMs: 50,
      attributes: { retries: 2, amount: { double: 12.5 }, tags: ["vip", "eu"] },
    }),
    spanRecord({ traceId, spanId: spanIdOf(4), parentSpanId: spanIdOf(3), name: "INSERT", kind: SpanKind.CLIENT, serviceName: "db", resourceAttributes: resource("db"), start: start + 20n * MS, durationMs: 10, attributes: { "db.system": "postgresql" } }),
  ];
  const first: SpanRecord[] = [
    ...checkout(ids.T1, at(0)),
    spanRecord({ traceId: ids.T2, spanId: spanIdOf(1), name: "GET /products", kind: SpanKind.SERVER, serviceName: "api-gateway", resourceAttributes: gateway, start: at(1), durationMs: 40, attributes: { "http.route": "/api/products/17", "http.response.status_code": "200" } }),
    spanRecord({ traceId: ids.T2, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: "ListProducts", kind: SpanKind.SERVER, statusCode: StatusCode.OK, serviceName: "catalog", resourceAttributes: resource("catalog"), start: at(1, 5), durationMs: 30, attributes: { "cache hit": true } }),
    spanRecord({ traceId: ids.T3, spanId: spanIdOf(1), name: "job", kind: SpanKind.CONSUMER, serviceName: "worker", resourceAttributes: resource("worker"), start: at(2), durationMs: 2000, attributes: { "job.id": 42 } }),
    spanRecord({ traceId: ids.T3, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: "step", kind: SpanKind.INTERNAL, statusCode: StatusCode.ERROR, serviceName: "worker", resourceAttributes: resource("worker"), start: at(2, 10), durationMs: 5 }),
    spanRecord({ traceId: ids.T4, spanId: spanIdOf(1), name: "GET /health", kind: SpanKind.SERVER, serviceName: "api-gateway", resourceAttributes: gateway, start: at(3), durationMs: 1, attributes: { "http.route": "/health" } }),
    ...["a", "b"].map((name, index) =>
      spanRecord({ traceId: ids.T4, spanId: spanIdOf(2 + index), parentSpanId: spanIdOf(1), name, kind: SpanKind.CLIENT, serviceName: "checker", resourceAttributes: resource("checker"), start: at(3), durationMs: 1 }),
    ),
    spanRecord({ traceId: ids.T5, spanId: spanIdOf(1), name: "split", serviceName: "worker", resourceAttributes: resource("worker"), start: at(4), durationMs: 3, attributes: { "x.a": 1 } }),
    ...checkout(ids.OLD, T0 - 3_600_000n * MS),
  ];
  // Written in a second write: the attribute index has a document per write.
  const second = [spanRecord({ traceId: ids.T5, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: "other half", serviceName: "worker", resourceAttributes: resource("worker"), start: at(4, 1), durationMs: 1, attributes: { "x.b": 2 } })];
  return { ids, first, second };
}

describeOnEachDatabase("GET /api/tracing/traces?q= (TraceQL)", ({ app }) => {
  const { ids, first, second } = fixture();
  const name = new Map(Object.entries(ids).map(([letter, id]) => [id, letter]));

  beforeAll(async () => {
    await app.modules.getSpanStore().writeSpans(first);
    await app.modules.getSpanStore().writeSpans(second);
  });

  async function search(q: string, extra = ""): Promise<Answer> {
    const answer = await app.send(`/api/tracing/traces?${WINDOW}&q=${encodeURIComponent(q)}${extra}`);
    expect(answer.status, answer.body.toString()).toBe(200);
    return answer.json() as Answer;
  }
  const letters = (answer: Answer) => answer.traces.map((trace) => name.get(trace.traceId) ?? trace.traceId);

  it.each([
    // Comparison operators
    ["equal_string", '{ name = "Charge" }', ["T1"]],
    ["not_equal_needs_the_attribute", '{ span.http.route != "/health" }', ["T2"]],
    ["greater_duration", "{ duration > 1s }", ["T3"]],
    ["greater_or_equal_int", "{ span.retries >= 2 }", ["T1"]],
    ["less_duration", "{ duration < 2ms }", ["T5", "T4"]],
    ["less_or_equal_float", "{ span.amount <= 12.5 }", ["T1"]],
    ["regex_fully_anchored", '{ span.http.route =~ "/api/products/.*" }', ["T2"]],
    ["regex_anchored_does_not_find_a_substring", '{ span.http.route =~ "products" }', []],
    ["negated_regex", '{ span.http.route !~ "/api/.*" }', ["T4"]],
    // Typed values
    ["int_does_not_equal_its_text", "{ span.http.response.status_code = 200 }", ["T1"]],
    ["string_does_not_equal_the_int", '{ span.http.response.status_code = "200" }', ["T2"]],
    ["regex_on_a_number_never_matches", '{ span.http.response.status_code =~ "2.*" }', ["T2"]],
    ["array_element", '{ span.tags = "eu" }', ["T1"]],
    ["quoted_key_and_bool", '{ span."cache hit" = true }', ["T2"]],
    ["status_message", '{ statusMessage = "card declined" }', ["T1"]],
    ["unscoped_resource_attribute", '{ .deployment.environment = "prod" && name = "GET /health" }', ["T4"]],
    // Logical operators in a filter
    ["and_in_a_filter", '{ resource.service.name = "payment" && status = error }', ["T1"]],
    ["or_of_two_rare_attributes", '{ span.job.id = 42 || span.http.route = "/health" }', ["T4", "T3"]],
    ["not_in_a_filter", "{ !(status = error) && kind = consumer }", ["T3"]],
    ["and_or_left_to_right_as_tempo", '{ name = "job" || name = "GET /health" && kind = consumer }', ["T3"]],
    ["present", "{ span.job.id != nil }", ["T3"]],
    ["absent_with_an_intrinsic", '{ span.http.route = nil && kind = server && rootServiceName = "api-gateway" }', ["T2", "T1"]],
    ["trace_level_intrinsics", '{ kind = server && trace:rootService = "api-gateway" && traceDuration < 100ms }', ["T4", "T2"]],
    ["root_name", '{ trace:rootName = "job" }', ["T3"]],
    // Spanset operators
    ["spanset_and", '{ name = "Charge" } && { name = "INSERT" }', ["T1"]],
    ["spanset_and_across_two_writes", "{ span.x.a = 1 } && { span.x.b = 2 }", ["T5"]],
    ["spanset_or", '{ name = "job" } || { name = "ListProducts" }', ["T3", "T2"]],
    ["child", '{ name = "PlaceOrder" } > { status = error }', ["T1"]],
    ["descendant_issue_example", '{ resource.service.name = "api-gateway" } >> { status = error }', ["T1"]],
    ["parent", "{ status = error } < { }", ["T3", "T1"]],
    ["ancestor", '{ name = "INSERT" } << { kind = server }', ["T1"]],
    ["sibling", '{ name = "a" } ~ { name = "b" }', ["T4"]],
    ["not_child", '{ kind = consumer } !> { status = error }', ["T1"]],
    ["not_parent_last_error_of_a_cascade", "{ status = error } !< { status = error }", ["T3", "T1"]],
    ["not_descendant", '{ resource.service.name = "api-gateway" } !>> { status = error }', ["T3"]],
    ["not_ancestor", '{ name = "INSERT" } !<< { name = "GET /checkout" }', []],
    ["not_sibling", "{ } !~ { kind = consumer }", ["T3"]],
    ["union_child", '{ name = "split" } &> { }', ["T5"]],
    ["union_descendant", '{ name = "PlaceOrder" } &>> { status = error }', ["T1"]],
    ["union_parent", '{ name = "step" } &< { }', ["T3"]],
    ["union_ancestor", '{ name = "INSERT" } &<< { name = "PlaceOrder" }', ["T1"]],
    ["union_sibling", '{ name = "a" } &~ { name = "b" }', ["T4"]],
    ["empty_filter_every_trace_in_the_window", "{ }", ["T5", "T4", "T3", "T2", "T1"]],
  ])("%s", async (_name, q, expected) => {
    expect(letters(await search(q))).toEqual(expected);
  });

  it("each_trace_lists_its_matched_spans_first_by_start_with_the_total", async () => {
    const answer = await search("{ kind = client }", "&spss=1");
    expect(letters(answer)).toEqual(["T4", "T1"]);
    const t1 = answer.traces[1].spanSet!;
    expect(t1.matched).toBe(2);
    expect(t1.spans).toEqual([{ spanId: spanIdOf(3), name: "Charge", serviceName: "payment", startTimeUnixNano: (T0 + 10n * MS).toString(), durationMs: 50 }]);
    const union = await search('{ name = "PlaceOrder" } &>> { status = error }');
    expect(union.traces[0].spanSet!.spans.map((span) => span.name)).toEqual(["PlaceOrder", "Charge"]);
    expect(union.traceql).toEqual({ query: '{ name = "PlaceOrder" } &>> { status = error }', scanLimited: false });
  });

  it("default_lists_at_most_three_spans", async () => {
    const answer = await search("{ }");
    const t1 = answer.traces.find((trace) => trace.traceId === ids.T1)!.spanSet!;
    expect(t1.matched).toBe(4);
    expect(t1.spans.map((span) => span.name)).toEqual(["GET /checkout", "PlaceOrder", "Charge"]);
  });

  it("the_window_and_excluded_root_services_apply", async () => {
    const wider = `&start=${(T0 - 3_700_000n * MS) / MS}`;
    const answer = await app.send(`/api/tracing/traces?end=${T0 / MS + 60_000n}${wider}&q=${encodeURIComponent('{ name = "Charge" }')}`);
    expect(letters(answer.json() as Answer)).toEqual(["T1", "OLD"]);
    expect(letters(await search("{ status = error }", "&excludeService=worker"))).toEqual(["T1"]);
  });

  it.each([
    ["through_the_index", '{ resource.service.name = "api-gateway" }', ["T4", "T2", "T1"]],
    ["walking_the_window", "{ duration > 0ms }", ["T5", "T4", "T3", "T2", "T1"]],
  ])("pages_%s_return_every_trace_once_in_order", async (_name, q, expected) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Answer = await search(q, `&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.traces.length).toBeLessThanOrEqual(1);
      seen.push(...letters(page));
      cursor = page.nextCursor;
    } while (cursor && seen.length <= expected.length);
    expect(seen).toEqual(expected);
  });

  it("a_walk_stops_at_its_budget_with_a_cursor_to_continue", async () => {
    const { parseTraceQL } = await import("@/lib/query/traceql");
    const { searchTraceQL } = await import("@/lib/query/traces/traceql-search");
    const search = { startNs: T0, endNs: T0 + 60_000n * MS, excludedRootServices: [], limit: 10, budget: 2 };
    // Neither the index nor SQL can check a range on an attribute: the walk reads T5 and T4, then stops.
    const query = parseTraceQL("{ span.job.id > 40 }");
    const firstPage = await searchTraceQL(query, { ...search, after: null });
    expect(firstPage.matches).toEqual([]);
    expect(firstPage.stoppedAt?.traceId).toBe(ids.T4);
    const next = await searchTraceQL(query, { ...search, after: firstPage.stoppedAt });
    expect(next.matches.map((match) => name.get(match.key.traceId))).toEqual(["T3"]);
  });

  it.each([
    ["a_matching_value", '{ span.db.system =~ "post.*" }', ["T1"]],
    ["no_matching_value", '{ span.db.system =~ "mysql|oracle" }', []],
    ["a_matching_value_with_an_intrinsic", '{ span.http.route =~ "/api/.+" && kind = server }', ["T2"]],
  ])("a_regex_on_%s_is_answered_by_the_index_beyond_the_walk_budget", async (_name, q, expected) => {
    const { parseTraceQL } = await import("@/lib/query/traceql");
    const { searchTraceQL } = await import("@/lib/query/traces/traceql-search");
    // A budget of one trace: the walk would stop at T5 with a cursor.
    const page = await searchTraceQL(parseTraceQL(q), { startNs: T0, endNs: T0 + 60_000n * MS, excludedRootServices: [], limit: 10, budget: 1, after: null });
    expect(page.matches.map((match) => name.get(match.key.traceId))).toEqual(expected);
    expect(page.stoppedAt).toBeNull();
  });

  it("a_regex_on_a_key_with_a_value_too_long_to_list_still_finds_it", async () => {
    const start = T0 + 600_000n * MS;
    const traceId = newTraceId();
    const long = `note-${"x".repeat(300)}`;
    await app.modules.getSpanStore().writeSpans([spanRecord({ traceId, spanId: spanIdOf(1), name: "long", serviceName: "notes", start, durationMs: 1, attributes: { note: long, short: "note-1" } })]);
    const window = `start=${start / MS}&end=${start / MS + 1_000n}`;
    const found = async (q: string) => letters((await app.send(`/api/tracing/traces?${window}&q=${encodeURIComponent(q)}`)).json() as Answer);
    // The listing of `note` that day is incomplete, so the regex is checked on the spans.
    expect(await found('{ span.note =~ "note-x+" }')).toEqual([traceId]);
    expect(await found('{ span.short =~ "note-[0-9]" }')).toEqual([traceId]);
  });

  it.each([
    ["pipeline", "{ .a = 1 } | count() > 1", "unsupported", 11, /^q: pipelines \(`\|`\) are not supported.* at line 1, column 12$/],
    ["aggregate", "avg(duration) > 20ms", "unsupported", 0, /^q: `avg\(\)` is not supported/],
    ["syntax", "{ .a = }", "syntax", 7, /^q: unexpected `}`, expected a field or a value at line 1, column 8$/],
    ["type", '{ status = "error" }', "type", 9, /^q: cannot compare status with string at line 1, column 10$/],
    ["unsupported_scope", '{ event.name = "x" }', "unsupported", 2, /^q: `event\.` attributes are not supported/],
  ])("a_%s_error_is_a_400_with_its_position", async (_name, q, kind, offset, message) => {
    const answer = await app.send(`/api/tracing/traces?q=${encodeURIComponent(q)}`);
    expect(answer.status).toBe(400);
    const body = answer.json() as ErrorAnswer;
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(message);
    expect(body.error.details[0]).toMatchObject({ path: "q", kind, position: { offset } });
  });

  it.each([
    ["with_a_form_filter", "service=web", /q cannot be combined with service/],
    ["with_tags_and_span_duration", "tags=a=1&spanDuration=true", /q cannot be combined with tags, spanDuration/],
  ])("q_%s_is_a_400", async (_name, extra, message) => {
    const answer = await app.send(`/api/tracing/traces?q=${encodeURIComponent("{ }")}&${extra}`);
    expect(answer.status).toBe(400);
    expect((answer.json() as ErrorAnswer).error.message).toMatch(message);
  });

  it("an_empty_query_is_a_400", async () => {
    const answer = await app.send("/api/tracing/traces?q=%20");
    expect(answer.status).toBe(400);
    expect((answer.json() as ErrorAnswer).error.message).toMatch(/q: empty query/);
  });

  it.each([
    ["service", "service=payment", ["T1"]],
    ["operation_and_status", "operation=Charge&status=error", ["T1"]],
    ["service_scopes_the_span", "service=api-gateway&kind=server", ["T4", "T2", "T1"]],
    ["numeric_tag", "tags=http.response.status_code=200", ["T2", "T1"]],
    ["tag_on_the_resource", "tags=deployment.environment=prod", ["T4", "T2", "T1"]],
    ["trace_duration", "minDuration=1s", ["T3"]],
    ["span_duration_and_kind", "minDuration=40ms&spanDuration=true&kind=client", ["T1"]],
  ])("the_form_search_%s_finds_what_its_traceql_finds", async (_name, form, expected) => {
    const formAnswer = await app.send(`/api/tracing/traces?${WINDOW}&${form}`);
    expect(letters(formAnswer.json() as Answer)).toEqual(expected);
    const filters = TraceSearchQuery.parse(Object.fromEntries(new URLSearchParams(form)));
    expect(letters(await search(formToTraceQL(filters).text))).toEqual(expected);
  });

  it("form_searches_list_no_span_sets", async () => {
    const answer = await app.send(`/api/tracing/traces?${WINDOW}&operation=Charge`);
    const body = answer.json() as Answer;
    expect(letters(body)).toEqual(["T1"]);
    expect(body.traces[0].spanSet).toBeUndefined();
    expect(body.traceql).toBeUndefined();
  });
});
