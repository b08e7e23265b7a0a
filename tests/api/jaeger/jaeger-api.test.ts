import { beforeAll, expect, it } from "vitest";
import type { JaegerKeyValue, JaegerTrace } from "@/lib/api/contracts/jaeger";
import { byKey, MS, sendCompatTrace, US, type CompatTrace } from "../support/compat-trace";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId } from "../support/test-app";

/**
 * Jaeger's HTTP query API under /jaeger (jaeger cmd/query/app/http_handler.go,
 * query_parser.go, model/json): the `{data, total, limit, offset, errors}` envelope,
 * traces in Jaeger's JSON model, times in microseconds, and the api_v3 gateway.
 */

type Envelope<T> = { data: T; total: number; limit: number; offset: number; errors: Array<{ code?: number; msg: string; traceID?: string }> | null };

/** A trace with each span's and process's tags in key order (stores keep attribute objects in different key orders). */
function normalized(trace: JaegerTrace): JaegerTrace {
  const sortTags = (tags: JaegerKeyValue[]) => byKey(tags);
  return {
    ...trace,
    spans: trace.spans.map((span) => ({ ...span, tags: sortTags(span.tags), logs: span.logs.map((log) => ({ ...log, fields: sortTags(log.fields) })) })),
    processes: Object.fromEntries(Object.entries(trace.processes).map(([id, process]) => [id, { ...process, tags: sortTags(process.tags) }])),
  };
}

const tag = (key: string, type: JaegerKeyValue["type"], value: JaegerKeyValue["value"]): JaegerKeyValue => ({ key, type, value });
const micros = (ns: bigint) => Number(ns / US);

function expectedTrace({ traceId, linkedTraceId, t0Ns, ids }: CompatTrace): JaegerTrace {
  const scope = [tag("otel.scope.name", "string", "api-test"), tag("otel.scope.version", "string", "1.0.0")];
  // Jaeger's deduper: the smallest id from 1 up that the trace does not use (spanIdOf(n) is n + 1).
  const serverHalf = "0000000000000001";
  const span = (fields: Partial<JaegerTrace["spans"][number]> & Pick<JaegerTrace["spans"][number], "spanID" | "operationName" | "startTime" | "duration" | "tags" | "processID">) => ({
    traceID: traceId,
    references: [],
    logs: [],
    warnings: null,
    ...fields,
  });
  const childOf = (spanID: string) => ({ refType: "CHILD_OF" as const, traceID: traceId, spanID });
  return {
    traceID: traceId,
    spans: [
      span({
        spanID: ids.root,
        operationName: "GET /checkout",
        startTime: micros(t0Ns),
        duration: 100_000,
        tags: byKey([
          tag("http.method", "string", "GET"),
          tag("http.status_code", "int64", 200),
          tag("retry.ratio", "float64", 0.5),
          tag("cache.hit", "bool", true),
          tag("cart.items", "string", '["a","b"]'),
          tag("span.kind", "string", "server"),
          ...scope,
        ]),
        logs: [{ timestamp: micros(t0Ns + 5n * MS), fields: byKey([tag("event", "string", "cache miss"), tag("cache.key", "string", "cart:1")]) }],
        processID: "p1",
      }),
      span({
        spanID: ids.charge,
        operationName: "charge",
        references: [childOf(ids.root), { refType: "FOLLOWS_FROM", traceID: linkedTraceId, spanID: ids.linked }],
        startTime: micros(t0Ns + 10n * MS),
        duration: 20_000,
        tags: byKey([
          tag("span.kind", "string", "client"),
          tag("otel.status_code", "string", "ERROR"),
          tag("error", "bool", true),
          tag("otel.status_description", "string", "card declined"),
          ...scope,
        ]),
        processID: "p1",
      }),
      span({
        spanID: ids.shared,
        operationName: "get /inventory",
        references: [childOf(ids.root)],
        startTime: micros(t0Ns + 40n * MS),
        duration: 30_000,
        tags: byKey([
          tag("http.path", "string", "/inventory"),
          tag("network.local.address", "string", "10.0.0.1"),
          tag("network.peer.address", "string", "10.0.0.2"),
          tag("network.peer.port", "int64", 8080),
          tag("peer.service", "string", "inventory"),
          tag("span.kind", "string", "client"),
        ]),
        processID: "p2",
      }),
      span({
        spanID: serverHalf,
        operationName: "get /inventory",
        references: [childOf(ids.shared)],
        startTime: micros(t0Ns + 42n * MS),
        duration: 25_000,
        tags: byKey([
          tag("http.path", "string", "/inventory"),
          tag("network.local.address", "string", "10.0.0.2"),
          tag("network.local.port", "int64", 8080),
          tag("network.peer.address", "string", "10.0.0.1"),
          tag("zipkin.shared", "bool", true),
          tag("span.kind", "string", "server"),
        ]),
        processID: "p3",
      }),
      span({
        spanID: ids.query,
        operationName: "select stock",
        references: [childOf(serverHalf)],
        startTime: micros(t0Ns + 45n * MS),
        duration: 5_000,
        tags: [tag("db.rows", "string", "3")],
        logs: [{ timestamp: micros(t0Ns + 46n * MS), fields: [tag("event", "string", "cache.flush")] }],
        processID: "p3",
      }),
    ],
    processes: {
      p1: { serviceName: "frontend", tags: [tag("host.name", "string", "web-1")] },
      p2: { serviceName: "frontend", tags: [] },
      p3: { serviceName: "inventory", tags: [] },
    },
    warnings: null,
  };
}

/** The app's own service: its traced requests show up once its self spans are flushed. */
const withoutSelf = (services: string[]) => services.filter((service) => service !== "traceboard");

const ok = <T>(data: T, total = 0): Envelope<T> => ({ data, total, limit: 0, offset: 0, errors: null });
const failure = (code: number, msg: string | RegExp) => ({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code, msg: typeof msg === "string" ? msg : expect.stringMatching(msg) }] });

describeOnEachDatabase("Jaeger query API under /jaeger", ({ app }) => {
  let trace: CompatTrace;
  let expected: JaegerTrace;
  beforeAll(async () => {
    trace = await sendCompatTrace(app);
    expected = expectedTrace(trace);
  });

  const get = async (path: string) => {
    const answer = await app.send(path);
    return { status: answer.status, body: answer.json() as Envelope<unknown>, headers: answer.headers };
  };
  const traceIdsOf = (body: Envelope<unknown>) => (body.data as JaegerTrace[]).map((found) => found.traceID);

  it("services_in_the_envelope", async () => {
    const { status, body } = await get("/jaeger/api/services");
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: (body.data as string[]).length, limit: 0, offset: 0, errors: null });
    expect(withoutSelf(body.data as string[])).toEqual(["frontend", "inventory"]);
  });

  it.each([
    ["frontend", ["GET /checkout", "charge", "enqueue", "get /inventory"]],
    ["inventory", ["get /inventory", "select stock"]],
    ["nobody", []],
  ])("operation_names_of_%s", async (service, names) => {
    expect(await get(`/jaeger/api/services/${service}/operations`)).toMatchObject({ status: 200, body: ok(names, names.length) });
  });

  it.each([
    ["every_kind", "service=frontend", [
      { name: "GET /checkout", spanKind: "server" },
      { name: "charge", spanKind: "client" },
      { name: "enqueue", spanKind: "producer" },
      { name: "get /inventory", spanKind: "client" },
    ]],
    ["one_kind", "service=frontend&spanKind=client", [{ name: "charge", spanKind: "client" }, { name: "get /inventory", spanKind: "client" }]],
    ["unspecified_kind_is_empty", "service=inventory", [{ name: "get /inventory", spanKind: "server" }, { name: "select stock", spanKind: "" }]],
    ["unknown_service_is_empty", "service=nobody", []],
  ])("operations_%s", async (_name, query, operations) => {
    expect(await get(`/jaeger/api/operations?${query}`)).toMatchObject({ status: 200, body: ok(operations, operations.length) });
  });

  it("operations_without_a_service_is_a_400_in_the_envelope", async () => {
    expect(await get("/jaeger/api/operations")).toMatchObject({ status: 400, body: failure(400, /parameter 'service' is required/) });
  });

  it("trace_by_id_in_jaegers_model", async () => {
    const { status, body } = await get(`/jaeger/api/traces/${trace.traceId}`);
    expect(status).toBe(200);
    expect({ ...body, data: (body.data as JaegerTrace[]).map(normalized) }).toEqual(ok([expected]));
  });

  it("trace_by_id_takes_grafanas_millisecond_window", async () => {
    const startMs = trace.t0Ns / MS - 1000n;
    const { status, body } = await get(`/jaeger/api/traces/${trace.traceId}?start=${startMs}&end=${startMs + 60_000n}`);
    expect(status).toBe(200);
    expect(traceIdsOf(body)).toEqual([trace.traceId]);
  });

  it.each([
    ["unknown_trace_is_404", () => `/jaeger/api/traces/${newTraceId()}`, 404, failure(404, "trace not found")],
    ["malformed_id_is_400", () => "/jaeger/api/traces/not-hex", 400, failure(400, /cannot parse traceID/)],
  ])("%s", async (_name, path, status, body) => {
    expect(await get(path())).toMatchObject({ status, body });
  });

  it.each([
    ["service_alone_newest_first", () => "service=frontend", () => [trace.traceId, trace.linkedTraceId]],
    ["limit", () => "service=frontend&limit=1", () => [trace.traceId]],
    ["tags_json_map", () => `service=frontend&tags=${encodeURIComponent('{"http.method":"GET"}')}`, () => [trace.traceId]],
    ["repeated_tag_params_typed_values", () => "service=frontend&tag=http.status_code:200&tag=cache.hit:true", () => [trace.traceId]],
    ["error_tag_is_the_error_status", () => "service=frontend&tag=error:true", () => [trace.traceId]],
    ["tag_without_match", () => "service=frontend&tag=http.method:POST", () => []],
    ["conditions_hold_on_one_span", () => "service=frontend&operation=charge&tag=http.method:GET", () => []],
    ["operation", () => "service=inventory&operation=select%20stock", () => [trace.traceId]],
    ["go_duration_min", () => "service=frontend&minDuration=90ms", () => [trace.traceId]],
    ["go_duration_max_excludes", () => "service=frontend&operation=GET%20%2Fcheckout&maxDuration=99.9ms", () => []],
    ["compound_go_duration", () => "service=frontend&minDuration=1m0.5s", () => []],
    ["microsecond_window_excludes", () => `service=frontend&start=${trace.t0Ns / US + 1n}&end=${trace.t0Ns / US + 60_000_000n}`, () => []],
    ["microsecond_window_includes", () => `service=frontend&start=${trace.t0Ns / US}&end=${trace.t0Ns / US + 1n}&lookback=custom`, () => [trace.traceId]],
    ["go_lookback_without_start", () => "service=frontend&lookback=1m", () => []],
    ["unknown_service_is_empty", () => "service=nobody", () => []],
    ["empty_params_read_as_absent", () => "service=frontend&operation=&minDuration=&maxDuration=&start=&end=&limit=&lookback=", () => [trace.traceId, trace.linkedTraceId]],
  ])("search_%s", async (_name, query, traceIds) => {
    const { status, body } = await get(`/jaeger/api/traces?${query()}`);
    expect(status).toBe(200);
    expect(traceIdsOf(body)).toEqual(traceIds());
    expect(body).toMatchObject({ total: 0, limit: 0, offset: 0, errors: null });
  });

  it("search_answers_traces_in_jaegers_model", async () => {
    const { body } = await get("/jaeger/api/traces?service=inventory");
    expect((body.data as JaegerTrace[]).map(normalized)).toEqual([expected]);
  });

  it("search_by_trace_ids_lists_the_missing_in_errors", async () => {
    const missing = newTraceId();
    const { status, body } = await get(`/jaeger/api/traces?traceID=${trace.traceId}&traceID=${missing}`);
    expect(status).toBe(200);
    expect(traceIdsOf(body)).toEqual([trace.traceId]);
    expect(body.errors).toEqual([{ msg: "trace not found", traceID: missing }]);
  });

  it.each([
    ["without_service", "", /parameter 'service' is required/],
    ["malformed_tag", "service=frontend&tag=nocolon", /malformed 'tag' parameter/],
    ["malformed_tags_json", "service=frontend&tags=%7Bx", /malformed 'tags' parameter/],
    ["malformed_duration", "service=frontend&minDuration=5", /invalid duration "5"/],
    ["max_below_min", "service=frontend&minDuration=2s&maxDuration=1s", /'maxDuration' should be greater than 'minDuration'/],
    ["malformed_start", "service=frontend&start=yesterday", /start/],
    ["malformed_trace_id", "traceID=xyz", /cannot parse traceID/],
  ])("search_400_%s", async (_name, query, message) => {
    expect(await get(`/jaeger/api/traces?${query}`)).toMatchObject({ status: 400, body: failure(400, message) });
  });

  it("dependencies_in_milliseconds", async () => {
    const endTs = trace.t0Ns / MS + 60_000n;
    expect(await get(`/jaeger/api/dependencies?endTs=${endTs}&lookback=3600000`)).toMatchObject({
      status: 200,
      body: ok([{ parent: "frontend", child: "inventory", callCount: 1 }]),
    });
    expect(await get("/jaeger/api/dependencies")).toMatchObject({ status: 200, body: ok([{ parent: "frontend", child: "inventory", callCount: 1 }]) });
    expect(await get(`/jaeger/api/dependencies?endTs=${endTs - 3_600_000n}&lookback=60000`)).toMatchObject({ status: 200, body: ok([]) });
    expect(await get("/jaeger/api/dependencies?endTs=soon")).toMatchObject({ status: 400, body: failure(400, /endTs/) });
  });

  it("v3_services_and_operations", async () => {
    const { services } = (await app.send("/jaeger/api/v3/services")).json() as { services: string[] };
    expect(withoutSelf(services)).toEqual(["frontend", "inventory"]);
    expect((await app.send("/jaeger/api/v3/operations?service=frontend&span_kind=client")).json()).toEqual({
      operations: [{ name: "charge", spanKind: "client" }, { name: "get /inventory", spanKind: "client" }],
    });
    expect((await app.send("/jaeger/api/v3/operations?service=nobody")).json()).toEqual({ operations: [] });
  });

  it("v3_trace_is_otlp_json_in_result", async () => {
    const answer = await app.send(`/jaeger/api/v3/traces/${trace.traceId}?start_time=2026-01-01T00:00:00Z&raw_traces=true`);
    expect(answer.status).toBe(200);
    const otlp = (await app.send(`/api/tracing/traces/${trace.traceId}?format=otlp`)).json();
    expect(answer.json()).toEqual({ result: otlp });
  });

  it("v3_search_by_gateway_params", async () => {
    const iso = (ns: bigint) => new Date(Number(ns / MS)).toISOString();
    const window = `query.start_time_min=${iso(trace.t0Ns - 60_000n * MS)}&query.start_time_max=${iso(trace.t0Ns + 60_000n * MS)}`;
    const answer = await app.send(`/jaeger/api/v3/traces?query.service_name=frontend&${window}&query.num_traces=1&query.duration_min=90ms`);
    expect(answer.status).toBe(200);
    const spans = (answer.json() as { result: { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ traceId: string }> }> }> } }).result.resourceSpans
      .flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
    expect(spans).toHaveLength(5);
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set([trace.traceId]));
    const attributes = encodeURIComponent('{"http.method":"GET","error":"true"}');
    const sameSpan = await app.send(`/jaeger/api/v3/traces?query.service_name=frontend&${window}&query.attributes=${attributes}`);
    expect(sameSpan.status).toBe(404);
    const byAttribute = await app.send(`/jaeger/api/v3/traces?query.service_name=frontend&${window}&query.attributes=${encodeURIComponent('{"cache.hit":"true"}')}`);
    expect(byAttribute.status).toBe(200);
    const none = await app.send(`/jaeger/api/v3/traces?query.service_name=nobody&${window}`);
    expect({ status: none.status, body: none.json() }).toEqual({ status: 404, body: { error: { httpCode: 404, message: "No traces found" } } });
  });

  it.each([
    ["v3_unknown_trace_is_404", () => `/jaeger/api/v3/traces/${newTraceId()}`, 404, { error: { httpCode: 404, message: "No traces found" } }],
    ["v3_search_needs_a_window", () => "/jaeger/api/v3/traces?query.service_name=frontend", 400, {
      error: { httpCode: 400, message: "query.start_time_min and query.start_time_max are required" },
    }],
  ])("%s", async (_name, path, status, body) => {
    const answer = await app.send(path());
    expect({ status: answer.status, body: answer.json() }).toEqual({ status, body });
  });
});
