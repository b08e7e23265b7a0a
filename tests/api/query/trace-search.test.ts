import { beforeAll, describe, expect, it } from "vitest";
import type { SpanRecord } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { MS, spanRecord } from "./span-records";

const T0 = 1_795_712_400_000_000_000n;
const WINDOW = `start=${T0 / MS}&end=${T0 / MS + 60_000n}`;

interface SearchAnswer {
  traces: Array<{ traceId: string; startTimeUnixNano: string; rootName: string; spanCount: number }>;
  nextCursor: string | null;
  durationFilter: "trace" | "span";
  window: { startTimeUnixNano: string; endTimeUnixNano: string };
}

/**
 * The filter fixture (all in the first minute after T0, newest first: D, C, B, A):
 * - A (t=0): web root `GET /cart` 100 ms -> api `SELECT` client error 80 ms, http.route "/a b", status_code 500
 * - B (t=1s): web root `GET /cart` 30 ms -> api `SELECT` client ok 5 ms status_code 200; api `other` error
 * - C (t=2s): worker root `job` 10 ms, retry=true, ratio 0.5 (double), big int 2^53+1; resource deployment.environment=prod
 * - D (t=3s): web root `GET /home` 60 ms, server, status_code 500 on the root
 * - OLD (t=-1h): like A, outside the window
 */
function fixture() {
  const ids = { A: newTraceId(), B: newTraceId(), C: newTraceId(), D: newTraceId(), OLD: newTraceId() };
  const cart = (traceId: string, start: bigint, durationMs: number) =>
    spanRecord({ traceId, spanId: spanIdOf(1), name: "GET /cart", kind: 2, start, durationMs });
  const spans: SpanRecord[] = [
    cart(ids.A, T0, 100),
    spanRecord({
      traceId: ids.A, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), serviceName: "api", name: "SELECT", kind: 3, statusCode: 2,
      start: T0 + 10n * MS, durationMs: 80, attributes: { "http.route": "/a b", "http.response.status_code": 500 },
    }),
    cart(ids.B, T0 + 1000n * MS, 30),
    spanRecord({
      traceId: ids.B, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), serviceName: "api", name: "SELECT", kind: 3,
      start: T0 + 1001n * MS, durationMs: 5, attributes: { "http.response.status_code": 200 },
    }),
    spanRecord({ traceId: ids.B, spanId: spanIdOf(3), parentSpanId: spanIdOf(1), serviceName: "api", name: "other", statusCode: 2, start: T0 + 1010n * MS }),
    spanRecord({
      traceId: ids.C, spanId: spanIdOf(1), serviceName: "worker", name: "job", start: T0 + 2000n * MS, durationMs: 10,
      attributes: { retry: true, ratio: { double: 0.5 }, big: { int: "9007199254740993" } },
      resourceAttributes: { "service.name": "worker", "deployment.environment": "prod" },
    }),
    spanRecord({
      traceId: ids.D, spanId: spanIdOf(1), name: "GET /home", kind: 2, start: T0 + 3000n * MS, durationMs: 60,
      attributes: { "http.response.status_code": 500 },
    }),
    cart(ids.OLD, T0 - 3_600_000n * MS, 100),
    spanRecord({
      traceId: ids.OLD, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), serviceName: "api", name: "SELECT", kind: 3, statusCode: 2,
      start: T0 - 3_599_990n * MS, durationMs: 80, attributes: { "http.route": "/a b", "http.response.status_code": 500 },
    }),
  ];
  return { ids, spans };
}

describeOnEachDatabase("GET /api/tracing/traces", ({ app }) => {
  const { ids, spans } = fixture();
  const name = new Map(Object.entries(ids).map(([letter, id]) => [id, letter]));

  beforeAll(async () => {
    await app.modules.getSpanStore().writeSpans(spans);
  });

  /** `query` written readably (`tags=http.route="/a b"`), each value URL-encoded here. */
  async function search(query: string): Promise<SearchAnswer> {
    const encoded = query
      .split("&")
      .filter(Boolean)
      .map((pair) => pair.replace(/=(.*)$/, (_all, value: string) => `=${encodeURIComponent(value)}`))
      .join("&");
    const answer = await app.send(`/api/tracing/traces?${encoded}`);
    expect(answer.status, answer.body.toString()).toBe(200);
    return answer.json() as SearchAnswer;
  }

  const letters = (answer: SearchAnswer) => answer.traces.map((trace) => name.get(trace.traceId) ?? trace.traceId);

  describe("each filter alone", () => {
    it.each([
      ["window_only_newest_first", "", ["D", "C", "B", "A"]],
      ["window_reaching_back_an_hour", `start=${(T0 - 3_700_000n * MS) / MS}`, ["D", "C", "B", "A", "OLD"]],
      ["service_present_in_the_trace", "service=api", ["B", "A"]],
      ["operation", "operation=SELECT", ["B", "A"]],
      ["kind", "kind=server", ["D", "B", "A"]],
      ["status", "status=error", ["B", "A"]],
      ["trace_min_duration", "minDuration=50ms", ["D", "A"]],
      ["trace_max_duration_bare_ms", "maxDuration=30", ["C", "B"]],
      ["trace_duration_range_in_seconds", "minDuration=0.05s&maxDuration=0.07s", ["D"]],
      ["span_min_duration", "minDuration=50ms&spanDuration=true", ["D", "A"]],
      ["tag_quoted_value_with_space", 'tags=http.route="/a b"', ["A"]],
      ["tag_int_matches_numeric_text", "tags=http.response.status_code=500", ["D", "A"]],
      ["tag_int_matches_decimal_text", "tags=http.response.status_code=500.0", ["D", "A"]],
      ["tag_bool", "tags=retry=true", ["C"]],
      ["tag_double", "tags=ratio=0.5", ["C"]],
      ["tag_int_beyond_2_53", "tags=big=9007199254740993", ["C"]],
      ["tag_on_resource_attribute", "tags=deployment.environment=prod", ["C"]],
      ["tag_string_does_not_match_other_text", "tags=retry=yes", []],
      // Root services: A, B and D start at web, C at worker; api is never a root.
      ["exclude_a_root_service", "excludeService=web", ["C"]],
      ["exclude_several_root_services", "excludeService=web&excludeService=worker", []],
      ["exclude_a_service_that_is_never_a_root", "excludeService=api", ["D", "C", "B", "A"]],
      ["exclude_with_a_service_filter", "service=api&excludeService=worker", ["B", "A"]],
    ])("%s", async (_name, query, expected) => {
      expect(letters(await search(`${WINDOW}&${query}`.replace(/^start=\d+&(?=.*start=)/, "")))).toEqual(expected);
    });
  });

  describe("span-level filters hold on one same span", () => {
    it.each([
      // B has a SELECT span and an error span, but not an erroring SELECT.
      ["operation_and_status", "operation=SELECT&status=error", ["A"]],
      // D's root lasts 60 ms but is not a SELECT; A's SELECT lasts 80 ms.
      ["operation_and_span_duration", "operation=SELECT&minDuration=50ms&spanDuration=true", ["A"]],
      // B's trace lasts 30 ms, its SELECT 5 ms: as a trace-level filter maxDuration keeps B.
      ["operation_with_trace_duration", "operation=SELECT&maxDuration=40ms", ["B"]],
      ["operation_with_span_duration", "operation=SELECT&maxDuration=40ms&spanDuration=true", ["B"]],
      // status_code=500 is on A's api span and on D's web root: with service=web only D's span counts.
      ["service_scopes_the_span", "service=web&tags=http.response.status_code=500", ["D"]],
      ["service_without_the_operation", "service=web&operation=SELECT", []],
      ["two_tags_anded_on_one_span", 'tags=http.route="/a b" http.response.status_code=500', ["A"]],
      ["repeated_tags_parameter", "tags=http.response.status_code=500&tags=kind=none", []],
      ["kind_and_tag", "kind=server&tags=http.response.status_code=500", ["D"]],
    ])("%s", async (_name, query, expected) => {
      expect(letters(await search(`${WINDOW}&${query}`))).toEqual(expected);
    });
  });

  it("tag_duration_and_time_window_combine", async () => {
    // status_code=500 is on A, D and OLD; trace duration >= 70 ms keeps A and OLD; the window keeps A.
    const query = `start=${(T0 - 60_000n * MS) / MS}&end=${T0 / MS + 60_000n}&tags=http.response.status_code=500&minDuration=70ms`;
    expect(letters(await search(query))).toEqual(["A"]);
    const wider = `start=${(T0 - 3_700_000n * MS) / MS}&end=${T0 / MS + 60_000n}&tags=http.response.status_code=500&minDuration=70ms`;
    expect(letters(await search(wider))).toEqual(["A", "OLD"]);
  });

  it("pages_past_excluded_traces", async () => {
    const first = await search(`${WINDOW}&excludeService=worker&limit=2`);
    expect(letters(first)).toEqual(["D", "B"]);
    expect(letters(await search(`${WINDOW}&excludeService=worker&limit=2&cursor=${first.nextCursor}`))).toEqual(["A"]);
  });

  it("refuses_an_empty_excluded_service", async () => {
    expect((await app.send(`/api/tracing/traces?${WINDOW}&excludeService=`)).status).toBe(400);
  });

  it("says_what_the_duration_filter_applied_to", async () => {
    expect((await search(`${WINDOW}&minDuration=1ms`)).durationFilter).toBe("trace");
    expect((await search(`${WINDOW}&minDuration=1ms&spanDuration=true`)).durationFilter).toBe("span");
  });

  it("answers_summaries_and_the_window_searched", async () => {
    const answer = await search(`${WINDOW}&service=worker`);
    expect(answer.window).toEqual({ startTimeUnixNano: T0.toString(), endTimeUnixNano: (T0 + 60_000n * MS).toString() });
    expect(answer.nextCursor).toBeNull();
    expect(answer.traces).toEqual([
      expect.objectContaining({ traceId: ids.C, rootService: "worker", rootName: "job", spanCount: 1, durationMs: 10, startTimeUnixNano: (T0 + 2000n * MS).toString() }),
    ]);
  });

  it("default_window_is_the_last_hour", async () => {
    const answer = await search("");
    const end = BigInt(answer.window.endTimeUnixNano);
    expect(end - BigInt(answer.window.startTimeUnixNano)).toBe(3_600_000n * MS);
    expect(Number(end / MS)).toBeGreaterThan(Date.now() - 60_000);
  });
});
