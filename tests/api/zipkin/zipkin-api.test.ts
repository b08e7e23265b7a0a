import { beforeAll, expect, it } from "vitest";
import type { ZipkinTrace } from "@/lib/api/contracts/zipkin";
import { MS, sendCompatTrace, US, type CompatTrace } from "../support/compat-trace";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId } from "../support/test-app";

/**
 * Zipkin's v2 API under /zipkin (openzipkin/zipkin-api zipkin2-api.yaml): bare JSON
 * arrays, spans in the v2 model with epoch-microsecond timestamps and microsecond
 * durations, endTs/lookback in milliseconds, 404 for an unknown trace.
 */

/** The app's own service: its traced requests show up once its self spans are flushed. */
const withoutSelf = (services: string[]) => services.filter((service) => service !== "traceboard");

function expectedTrace({ traceId, t0Ns, ids, zipkin }: CompatTrace): ZipkinTrace {
  const micros = (ns: bigint) => Number(ns / US);
  const scope = { "otel.scope.name": "api-test", "otel.scope.version": "1.0.0" };
  return [
    {
      traceId,
      id: ids.root,
      kind: "SERVER",
      name: "GET /checkout",
      timestamp: micros(t0Ns),
      duration: 100_000,
      localEndpoint: { serviceName: "frontend" },
      annotations: [{ timestamp: micros(t0Ns + 5n * MS), value: 'cache miss|{"cache.key":"cart:1"}|0' }],
      tags: {
        "host.name": "web-1",
        "http.method": "GET",
        "http.status_code": "200",
        "retry.ratio": "0.5",
        "cache.hit": "true",
        "cart.items": '["a","b"]',
        ...scope,
      },
    },
    {
      traceId,
      parentId: ids.root,
      id: ids.charge,
      kind: "CLIENT",
      name: "charge",
      timestamp: micros(t0Ns + 10n * MS),
      duration: 20_000,
      localEndpoint: { serviceName: "frontend" },
      tags: { "host.name": "web-1", error: "card declined", ...scope },
    },
    // Spans that came as Zipkin come back as they were sent (the server half keeps shared: true).
    ...(zipkin as ZipkinTrace),
  ];
}

describeOnEachDatabase("Zipkin v2 API under /zipkin", ({ app }) => {
  let trace: CompatTrace;
  let expected: ZipkinTrace;
  /** A trace with a 64-bit id, sent to the prefixed ingest route. */
  const shortTraceId = newTraceId().slice(16);
  let shortTrace: Array<Record<string, unknown>>;
  beforeAll(async () => {
    trace = await sendCompatTrace(app);
    expected = expectedTrace(trace);
    shortTrace = [
      { traceId: shortTraceId, id: "00000000000000a1", name: "tick", timestamp: Number(trace.t0Ns / US) - 1_000_000, duration: 1, localEndpoint: { serviceName: "cron" } },
    ];
    const ingest = await app.postJson("/zipkin/api/v2/spans", shortTrace);
    expect(ingest.status).toBe(202);
  });

  const get = async (path: string) => {
    const answer = await app.send(path);
    return { status: answer.status, body: answer.json() as unknown };
  };
  const traceIdsOf = (body: unknown) => (body as ZipkinTrace[]).map((found) => found[0].traceId);

  it("services", async () => {
    const { status, body } = await get("/zipkin/api/v2/services");
    expect(status).toBe(200);
    expect(withoutSelf(body as string[])).toEqual(["cron", "frontend", "inventory"]);
  });

  it.each([
    ["spans_of_frontend", "/zipkin/api/v2/spans?serviceName=frontend", ["GET /checkout", "charge", "enqueue", "get /inventory"]],
    ["spans_of_unknown_service", "/zipkin/api/v2/spans?serviceName=nobody", []],
    ["remote_services_of_frontend", "/zipkin/api/v2/remoteServices?serviceName=frontend", ["inventory"]],
    ["remote_services_of_a_leaf", "/zipkin/api/v2/remoteServices?serviceName=inventory", []],
    ["remote_services_of_unknown_service", "/zipkin/api/v2/remoteServices?serviceName=nobody", []],
  ])("%s", async (_name, path, names) => {
    expect(await get(path)).toEqual({ status: 200, body: names });
  });

  it.each(["/zipkin/api/v2/spans", "/zipkin/api/v2/remoteServices", "/zipkin/api/v2/autocompleteValues", "/zipkin/api/v2/dependencies", "/zipkin/api/v2/traceMany"])(
    "%s_without_its_required_parameter_is_400",
    async (path) => {
      expect(await get(path)).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
    },
  );

  it("trace_in_the_v2_model", async () => {
    expect(await get(`/zipkin/api/v2/trace/${trace.traceId}`)).toEqual({ status: 200, body: expected });
  });

  it("64_bit_trace_id_reads_back_as_sent", async () => {
    expect(await get(`/zipkin/api/v2/trace/${shortTraceId}`)).toEqual({ status: 200, body: shortTrace });
    expect(await get(`/zipkin/api/v2/trace/0000000000000000${shortTraceId}`)).toEqual({ status: 200, body: shortTrace });
  });

  it.each([
    ["unknown_trace_is_404", () => `/zipkin/api/v2/trace/${newTraceId()}`, 404],
    ["malformed_trace_id_is_400", () => "/zipkin/api/v2/trace/not-hex", 400],
  ])("%s", async (_name, path, status) => {
    expect((await get(path())).status).toBe(status);
  });

  it("trace_many_in_the_order_asked_without_the_unknown", async () => {
    const { status, body } = await get(`/zipkin/api/v2/traceMany?traceIds=${shortTraceId},${newTraceId()},${trace.traceId}`);
    expect(status).toBe(200);
    expect(body).toEqual([shortTrace, expected]);
  });

  it.each([
    ["service_newest_first", () => "serviceName=frontend", () => [trace.traceId, trace.linkedTraceId]],
    ["limit", () => "serviceName=frontend&limit=1", () => [trace.traceId]],
    ["span_name", () => "serviceName=frontend&spanName=charge", () => [trace.traceId]],
    ["span_name_all_is_any", () => "serviceName=frontend&spanName=all", () => [trace.traceId, trace.linkedTraceId]],
    ["remote_service", () => "serviceName=frontend&remoteServiceName=inventory", () => [trace.traceId]],
    ["error_word_is_the_error_status", () => "serviceName=frontend&annotationQuery=error", () => [trace.traceId]],
    ["tag_pairs_and_ed", () => `serviceName=frontend&annotationQuery=${encodeURIComponent("http.method=GET and cache.hit=true")}`, () => [trace.traceId]],
    ["terms_hold_on_one_span", () => `serviceName=frontend&annotationQuery=${encodeURIComponent("error and http.method=GET")}`, () => []],
    ["word_matches_an_annotation", () => "serviceName=inventory&annotationQuery=cache.flush", () => [trace.traceId]],
    ["word_matches_a_tag_key", () => "annotationQuery=db.rows", () => [trace.traceId]],
    ["word_without_match", () => "serviceName=frontend&annotationQuery=retried", () => []],
    ["min_duration_in_microseconds", () => "serviceName=frontend&minDuration=90000", () => [trace.traceId]],
    ["max_duration_in_microseconds", () => "serviceName=frontend&spanName=GET%20%2Fcheckout&maxDuration=99999", () => []],
    ["millisecond_window_excludes", () => `serviceName=frontend&endTs=${trace.t0Ns / MS - 1000n}&lookback=1000`, () => []],
    ["millisecond_window_includes", () => `serviceName=inventory&endTs=${trace.t0Ns / MS + 1000n}&lookback=2000`, () => [trace.traceId]],
    ["unknown_service_is_empty", () => "serviceName=nobody", () => []],
    ["empty_params_read_as_absent", () => "serviceName=frontend&spanName=&remoteServiceName=&annotationQuery=&minDuration=&maxDuration=&endTs=&lookback=&limit=", () => [trace.traceId, trace.linkedTraceId]],
  ])("search_%s", async (_name, query, traceIds) => {
    const { status, body } = await get(`/zipkin/api/v2/traces?${query()}`);
    expect(status).toBe(200);
    expect(traceIdsOf(body)).toEqual(traceIds());
  });

  it("search_answers_traces_in_the_v2_model", async () => {
    expect(await get("/zipkin/api/v2/traces?serviceName=inventory")).toEqual({ status: 200, body: [expected] });
  });

  it.each([["minDuration=soon"], ["limit=0"], ["endTs=-5"]])("search_400_%s", async (query) => {
    expect((await get(`/zipkin/api/v2/traces?${query}`)).status).toBe(400);
  });

  it("dependencies_in_milliseconds", async () => {
    const endTs = trace.t0Ns / MS + 60_000n;
    expect(await get(`/zipkin/api/v2/dependencies?endTs=${endTs}&lookback=3600000`)).toEqual({
      status: 200,
      body: [{ parent: "frontend", child: "inventory", callCount: 1 }],
    });
    expect(await get(`/zipkin/api/v2/dependencies?endTs=${endTs - 3_600_000n}&lookback=60000`)).toEqual({ status: 200, body: [] });
  });

  it("autocomplete_keys_and_values", async () => {
    const { status, body } = await get("/zipkin/api/v2/autocompleteKeys");
    expect(status).toBe(200);
    expect(body).toEqual(expect.arrayContaining(["http.method", "http.status_code", "cache.hit", "db.rows", "http.path"]));
    expect(body).toEqual([...(body as string[])].sort());
    expect(await get("/zipkin/api/v2/autocompleteValues?key=http.path")).toEqual({ status: 200, body: ["/inventory"] });
    expect(await get("/zipkin/api/v2/autocompleteValues?key=http.status_code")).toEqual({ status: 200, body: ["200"] });
    expect(await get("/zipkin/api/v2/autocompleteValues?key=nothing.here")).toEqual({ status: 200, body: [] });
  });
});
