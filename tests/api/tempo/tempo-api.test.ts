import { beforeAll, expect, it } from "vitest";
import type { TempoSearchResponse as SearchAnswer } from "@/lib/api/contracts/tempo";
import { TracesData } from "@/lib/collector/wire/otlp-proto";
import {
  TempoSearchResponse,
  TempoSearchTagsResponse,
  TempoSearchTagsV2Response,
  TempoSearchTagValuesResponse,
  TempoSearchTagValuesV2Response,
  TempoTraceByIDResponse,
} from "@/lib/collector/wire/tempo-proto";
import { MS, sendCompatTrace, type CompatTrace } from "../support/compat-trace";
import { describeOnEachDatabase } from "../support/each-database";

/**
 * Grafana Tempo's HTTP API under /tempo (Tempo's docs/sources/tempo/api_docs, pkg/api,
 * pkg/tempopb/tempo.proto, modules/frontend/combiner): plain-text errors, search answers
 * as jsonpb writes tempopb.SearchResponse, tag names and values v1/v2, and traces as
 * jsonpb's OTLP JSON (base64 ids, enum names, 64-bit numbers as strings, zero values left
 * out; v1 names the resource spans `batches`) or protobuf when Accept asks for it.
 */

type KeyValue = { key: string; value: Record<string, unknown> };
type Json = Record<string, unknown>;

const b64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");
const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): KeyValue => ({ key, value: { intValue: String(value) } });
const bool = (key: string, value: boolean): KeyValue => ({ key, value: { boolValue: value } });
const byKey = (items: KeyValue[]) => [...items].sort((a, b) => a.key.localeCompare(b.key));

/** Every `attributes` list in key order: the stores keep attribute objects in different key orders. */
function sortedAttributes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedAttributes);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, key === "attributes" && Array.isArray(field) ? byKey(field.map(sortedAttributes) as KeyValue[]) : sortedAttributes(field)]),
  );
}

/** The compat trace's resource spans as Tempo writes them in JSON: resources in order of first span, spans by start. */
function expectedResourceSpans({ traceId, linkedTraceId, t0Ns, ids }: CompatTrace): Json[] {
  const at = (ms: bigint) => (t0Ns + ms * MS).toString();
  const span = (fields: Json) => ({ traceId: b64(traceId), status: {}, ...fields });
  // Tempo's deduper gives the server half of the shared span the smallest id no span uses.
  const serverHalf = "0000000000000001";
  return [
    {
      resource: { attributes: [str("service.name", "frontend"), str("host.name", "web-1")] },
      scopeSpans: [
        {
          scope: { name: "api-test", version: "1.0.0" },
          spans: [
            span({
              spanId: b64(ids.root),
              name: "GET /checkout",
              kind: "SPAN_KIND_SERVER",
              startTimeUnixNano: at(0n),
              endTimeUnixNano: at(100n),
              attributes: [
                str("http.method", "GET"),
                int("http.status_code", 200),
                { key: "retry.ratio", value: { doubleValue: 0.5 } },
                bool("cache.hit", true),
                { key: "cart.items", value: { arrayValue: { values: [{ stringValue: "a" }, { stringValue: "b" }] } } },
              ],
              events: [{ timeUnixNano: at(5n), name: "cache miss", attributes: [str("cache.key", "cart:1")] }],
            }),
            span({
              spanId: b64(ids.charge),
              parentSpanId: b64(ids.root),
              name: "charge",
              kind: "SPAN_KIND_CLIENT",
              startTimeUnixNano: at(10n),
              endTimeUnixNano: at(30n),
              links: [{ traceId: b64(linkedTraceId), spanId: b64(ids.linked) }],
              status: { code: "STATUS_CODE_ERROR", message: "card declined" },
            }),
          ],
        },
      ],
    },
    {
      resource: { attributes: [str("service.name", "frontend")] },
      scopeSpans: [
        {
          scope: {},
          spans: [
            span({
              spanId: b64(ids.shared),
              parentSpanId: b64(ids.root),
              name: "get /inventory",
              kind: "SPAN_KIND_CLIENT",
              startTimeUnixNano: at(40n),
              endTimeUnixNano: at(70n),
              attributes: [
                str("http.path", "/inventory"),
                str("network.local.address", "10.0.0.1"),
                str("network.peer.address", "10.0.0.2"),
                int("network.peer.port", 8080),
                str("peer.service", "inventory"),
              ],
            }),
          ],
        },
      ],
    },
    {
      resource: { attributes: [str("service.name", "inventory")] },
      scopeSpans: [
        {
          scope: {},
          spans: [
            span({
              spanId: b64(serverHalf),
              parentSpanId: b64(ids.shared),
              name: "get /inventory",
              kind: "SPAN_KIND_SERVER",
              startTimeUnixNano: at(42n),
              endTimeUnixNano: at(67n),
              attributes: [
                str("http.path", "/inventory"),
                str("network.local.address", "10.0.0.2"),
                int("network.local.port", 8080),
                str("network.peer.address", "10.0.0.1"),
                bool("zipkin.shared", true),
              ],
            }),
            span({
              spanId: b64(ids.query),
              parentSpanId: b64(serverHalf),
              name: "select stock",
              startTimeUnixNano: at(45n),
              endTimeUnixNano: at(50n),
              attributes: [str("db.rows", "3")],
              events: [{ timeUnixNano: at(46n), name: "cache.flush" }],
            }),
          ],
        },
      ],
    },
  ];
}

const PROTOBUF = "application/protobuf";
const JSONPB = { longs: String, enums: String, bytes: String } as const;

describeOnEachDatabase("Tempo HTTP API under /tempo", ({ app }) => {
  let trace: CompatTrace;
  let window: string;
  let tempoId: string;
  beforeAll(async () => {
    trace = await sendCompatTrace(app);
    const t0s = Number(trace.t0Ns / 1_000_000_000n);
    window = `start=${t0s - 60}&end=${t0s + 60}`;
    tempoId = trace.traceId.replace(/^0+/, "");
  });

  const get = (path: string, headers: Record<string, string> = {}) => app.send(path, { headers });
  const json = async (path: string) => {
    const answer = await get(path);
    expect(answer.status, answer.body.toString()).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    return answer.json() as Json;
  };
  const search = async (params: string) => (await json(`/tempo/api/search?${params}&${window}`)) as SearchAnswer;
  const traceIds = (response: SearchAnswer) => response.traces.map((found) => found.traceID);
  const q = (query: string) => `q=${encodeURIComponent(query)}`;
  const tags = (logfmt: string) => `tags=${encodeURIComponent(logfmt)}`;
  const textError = async (path: string, status: number, message: RegExp) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    expect(answer.headers["content-type"]).toMatch(/^text\/plain/);
    expect(answer.body.toString()).toMatch(message);
  };

  it("echo_answers_echo_as_text", async () => {
    const answer = await get("/tempo/api/echo");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^text\/plain/);
    expect(answer.body.toString()).toBe("echo");
  });

  it("buildinfo_has_the_fields_of_tempos_answer", async () => {
    expect(Object.keys(await json("/tempo/api/status/buildinfo")).sort()).toEqual(["branch", "buildDate", "buildUser", "goVersion", "revision", "version"]);
  });

  // ---- search by TraceQL

  it("traceql_search_answers_tempos_trace_search_metadata", async () => {
    const { ids, t0Ns } = trace;
    const spanSet = {
      spans: [
        {
          spanID: ids.charge,
          name: "charge",
          startTimeUnixNano: (t0Ns + 10n * MS).toString(),
          durationNanos: "20000000",
          attributes: [str("service.name", "frontend"), str("status", "error")],
        },
      ],
      matched: 1,
    };
    const expected = {
      traceID: tempoId,
      rootServiceName: "frontend",
      rootTraceName: "GET /checkout",
      startTimeUnixNano: t0Ns.toString(),
      durationMs: 100,
      spanSet,
      spanSets: [spanSet],
      serviceStats: { frontend: { spanCount: 3, errorCount: 1 }, inventory: { spanCount: 2 } },
    };
    expect(await search(q("{ status = error }"))).toEqual({ traces: [expected], metrics: { completedJobs: 1, totalJobs: 1 } });
  });

  it.each([
    ["int_and_bool", "{ span.http.status_code = 200 && span.cache.hit = true }", 1],
    ["double", "{ span.retry.ratio > 0.4 }", 1],
    ["array_element", '{ span.cart.items = "b" }', 1],
    ["resource_and_kind", '{ resource.host.name = "web-1" && kind = server }', 1],
    ["shared_span_server_half", '{ .zipkin.shared = true && resource.service.name = "inventory" }', 1],
    ["structural_descendant", '{ resource.service.name = "frontend" } >> { resource.service.name = "inventory" }', 2],
    ["trace_duration", "{ traceDuration > 90ms }", 5],
  ])("traceql_%s", async (_name, query, matched) => {
    const found = (await search(q(query))).traces.find((item) => item.traceID === tempoId);
    expect(found?.spanSets?.[0].matched).toBe(matched);
  });

  it("traceql_spanset_lists_the_attributes_the_query_names", async () => {
    const found = (await search(q("{ span.http.status_code = 200 && span.cart.items != nil && kind = server }"))).traces.find((item) => item.traceID === tempoId);
    expect(found?.spanSet?.spans[0].attributes).toEqual([
      str("service.name", "frontend"),
      int("http.status_code", 200),
      { key: "cart.items", value: { arrayValue: { values: [{ stringValue: "a" }, { stringValue: "b" }] } } },
      str("kind", "server"),
    ]);
  });

  it.each([
    ["default_3", "", 3],
    ["one", "&spss=1", 1],
    ["zero_lists_all", "&spss=0", 5],
  ])("spss_%s", async (_name, spss, listed) => {
    const found = (await search(`${q('{ name != "" }')}${spss}`)).traces.find((item) => item.traceID === tempoId);
    expect(found?.spanSet?.matched).toBe(5);
    expect(found?.spanSet?.spans.map((span) => span.spanID)).toHaveLength(listed);
  });

  it.each([
    ["pipeline", "{ } | count() > 1", /invalid TraceQL query: .*pipelines/],
    ["metrics", "{ } | rate()", /invalid TraceQL query: .*pipelines/],
    ["select", "{ } | select(span.foo)", /invalid TraceQL query/],
    ["syntax", "{ status = }", /invalid TraceQL query: .*line 1, column/],
    ["type", '{ status = "error" }', /invalid TraceQL query/],
  ])("unsupported_or_bad_traceql_is_a_400: %s", async (_name, query, message) => {
    await textError(`/tempo/api/search?${q(query)}`, 400, message);
  });

  it("a_64_bit_trace_without_its_root_reads_as_tempo_writes_it", async () => {
    // A Zipkin span with a 64-bit trace id whose parent has not arrived.
    const shortId = `1${trace.traceId.slice(17)}`;
    const startUs = Number(trace.t0Ns / 1000n);
    const span = { traceId: shortId, id: "00000000000000aa", parentId: "00000000000000bb", name: "orphan", timestamp: startUs, duration: 1500, localEndpoint: { serviceName: "late" } };
    expect((await app.postJson("/api/v2/spans", [span])).status).toBe(202);
    const found = (await search(q('{ name = "orphan" }'))).traces;
    expect(found).toEqual([
      expect.objectContaining({ traceID: shortId, rootServiceName: "<root span not yet received>", durationMs: 1, serviceStats: { late: { spanCount: 1 } } }),
    ]);
    expect(found[0].rootTraceName).toBeUndefined();
    // Tempo left-pads a short id: the 16 digits, or the 32 with zeros, name the same trace.
    for (const id of [shortId, shortId.padStart(32, "0")]) {
      const body = (await json(`/tempo/api/traces/${id}`)) as { batches: Array<{ scopeSpans: Array<{ spans: Json[] }> }> };
      expect(body.batches[0].scopeSpans[0].spans[0]).toMatchObject({ traceId: b64(shortId.padStart(32, "0")), name: "orphan", parentSpanId: b64("00000000000000bb") });
    }
  });

  // ---- search by tags (logfmt)

  it.each([
    ["service_substring", "service.name=fronte", true],
    ["span_name_quoted", 'name="GET /checkout"', true],
    ["http_method_and_url_substring", "http.method=GE", true],
    ["http_status_code_int", "http.status_code=200", true],
    ["status_code", "status.code=error", true],
    ["error_true", "error=true", true],
    ["root_service_substring", "root.service.name=ront root.name=checkout", true],
    ["other_key_exact_string", "db.rows=3 host.name=web-1", true],
    ["other_key_no_substring", "host.name=web", false],
    ["typed_value_is_not_a_string", "cache.hit=true", false],
    ["unknown_service", "service.name=nowhere", false],
  ])("tags_search_%s", async (_name, logfmt, found) => {
    const response = await search(tags(logfmt));
    expect(traceIds(response).includes(tempoId)).toBe(found);
    for (const item of response.traces) expect(item.spanSets).toBeUndefined();
  });

  it("tags_search_durations_apply_to_the_trace_in_milliseconds", async () => {
    const linkedId = trace.linkedTraceId.replace(/^0+/, "");
    const long = traceIds(await search(`${tags("service.name=frontend")}&minDuration=90ms`));
    expect(long).toContain(tempoId);
    expect(long).not.toContain(linkedId);
    const short = traceIds(await search(`${tags("service.name=frontend")}&maxDuration=50ms`));
    expect(short).toContain(linkedId);
    expect(short).not.toContain(tempoId);
    expect(traceIds(await search(`${tags("service.name=frontend")}&minDuration=100ms&maxDuration=100.9ms`))).toEqual([tempoId]);
  });

  it("search_limit_and_time_range", async () => {
    expect((await search(`${tags("service.name=frontend")}&limit=1`)).traces).toHaveLength(1);
    expect(traceIds(await search(tags("service.name=frontend"))).sort()).toEqual([tempoId, trace.linkedTraceId.replace(/^0+/, "")].sort());
    const t0s = Number(trace.t0Ns / 1_000_000_000n);
    expect(await json(`/tempo/api/search?${tags("service.name=frontend")}&start=${t0s - 7200}&end=${t0s - 3600}`)).toEqual({ traces: [], metrics: { completedJobs: 1, totalJobs: 1 } });
    expect(await json(`/tempo/api/search?${q("{ status = error }")}&start=${t0s - 7200}&end=${t0s - 3600}`)).toMatchObject({ traces: [] });
  });

  it.each([
    ["tags_and_q", `${tags("a=b")}&${q("{ }")}`, /^invalid request: can't specify tags and q in the same query$/],
    ["bad_logfmt", tags('name="GET'), /^invalid tags: unterminated quoted value at pos \d+$/],
    ["tag_twice", tags("a=1 a=2"), /^invalid tags: tag a has been set twice$/],
    ["bad_duration", "minDuration=fast", /^invalid minDuration: time: invalid duration "fast"$/],
    ["max_below_min", "minDuration=2s&maxDuration=1s", /^invalid maxDuration: must be greater than minDuration$/],
    ["zero_limit", "limit=0", /^invalid limit: must be a positive number$/],
    ["limit_above_max", "limit=5000", /^limit 5000 exceeds max limit 1500$/],
    ["spss_above_max", "spss=101", /^spans per span set exceeds 100. received 101$/],
    ["bad_start", "start=yesterday&end=10", /^invalid start: /],
    ["start_alone", "start=100", /^http parameter start must be before end. received start=100 end=0$/],
    ["end_before_start", "start=200&end=100", /^http parameter start must be before end. received start=200 end=100$/],
  ])("bad_search_input_is_a_400_in_tempos_words: %s", async (_name, params, message) => {
    await textError(`/tempo/api/search?${params}`, 400, message);
  });

  // ---- tag names

  it("tags_v1_per_scope", async () => {
    const names = async (params = "") => ((await json(`/tempo/api/search/tags?${window}${params}`)) as { tagNames: string[] }).tagNames;
    const all = await names();
    expect(all).toEqual(expect.arrayContaining(["cache.hit", "cart.items", "db.rows", "host.name", "http.method", "http.status_code", "retry.ratio", "service.name"]));
    expect(all).toEqual([...all].sort());
    expect(await names("&scope=span")).not.toContain("host.name");
    expect(await names("&scope=span")).toContain("http.method");
    expect(await names("&scope=resource")).toEqual(expect.arrayContaining(["host.name", "service.name"]));
    expect(await names("&scope=resource")).not.toContain("http.method");
    expect(await names("&scope=intrinsic")).toEqual(expect.arrayContaining(["duration", "kind", "name", "rootServiceName", "span:status", "status", "traceDuration"]));
    expect(await names("&scope=event")).toEqual([]);
  });

  it("tags_v2_by_scope", async () => {
    type Scopes = { scopes: Array<{ name: string; tags: string[] }>; metrics: Json };
    const scopes = async (params = "") => (await json(`/tempo/api/v2/search/tags?${window}${params}`)) as Scopes;
    const all = await scopes();
    expect(all.scopes.map((scope) => scope.name)).toEqual(["resource", "span", "intrinsic"]);
    expect(all.scopes[0].tags).toEqual(expect.arrayContaining(["host.name", "service.name"]));
    expect(all.scopes[1].tags).toEqual(expect.arrayContaining(["cache.hit", "http.method", "zipkin.shared"]));
    expect(all.scopes[2].tags).toContain("span:name");
    expect((await scopes("&scope=span")).scopes.map((scope) => scope.name)).toEqual(["span"]);
    expect((await scopes("&scope=link")).scopes).toEqual([{ name: "link", tags: [] }]);
    const filtered = await scopes(`&scope=span&${q('{ resource.service.name = "inventory" }')}`);
    expect(filtered.scopes).toEqual([{ name: "span", tags: ["db.rows", "http.path", "network.local.address", "network.local.port", "network.peer.address", "zipkin.shared"] }]);
    // A q that does not parse is ignored, as Tempo lists everything then.
    expect((await scopes(`&${q("{ resource.cluster = }")}`)).scopes[1].tags).toContain("http.method");
  });

  it("tags_outside_the_window_are_none", async () => {
    expect(await json("/tempo/api/v2/search/tags?scope=span&start=1000&end=2000")).toEqual({ scopes: [{ name: "span", tags: [] }], metrics: {} });
  });

  it.each([
    ["v1", "/tempo/api/search/tags?scope=bogus"],
    ["v2", "/tempo/api/v2/search/tags?scope=bogus"],
  ])("bad_scope_is_a_400: %s", async (_name, path) => {
    await textError(path, 400, /^invalid scope: bogus$/);
  });

  // ---- tag values

  it.each([
    ["http.method", ["GET"]],
    ["http.status_code", ["200"]],
    ["status.code", ["unset", "ok", "error"]],
    ["error", ["true"]],
  ])("values_v1_of_%s", async (tag, values) => {
    expect(await json(`/tempo/api/search/tag/${tag}/values?${window}`)).toEqual({ tagValues: values, metrics: {} });
  });

  it.each([
    ["span.http.status_code", [{ type: "int", value: "200" }]],
    ["span.retry.ratio", [{ type: "float", value: "0.5" }]],
    ["span.cache.hit", [{ type: "bool", value: "true" }]],
    [".http.method", [{ type: "string", value: "GET" }]],
    ["resource.host.name", [{ type: "string", value: "web-1" }]],
    ["status", [{ type: "keyword", value: "ok" }, { type: "keyword", value: "error" }, { type: "keyword", value: "unset" }]],
    ["span:kind", ["client", "server", "producer", "consumer", "internal", "unspecified"].map((value) => ({ type: "keyword", value }))],
    ["duration", []],
    ["traceDuration", []],
  ])("values_v2_of_%s", async (tag, values) => {
    expect(await json(`/tempo/api/v2/search/tag/${tag}/values?${window}`)).toEqual({ tagValues: values, metrics: {} });
  });

  it("values_v2_of_arrays_services_and_names", async () => {
    const values = async (tag: string, params = "") => ((await json(`/tempo/api/v2/search/tag/${tag}/values?${window}${params}`)) as { tagValues: Json[] }).tagValues;
    expect(await values("span.cart.items")).toEqual(expect.arrayContaining([{ type: "string", value: "a" }, { type: "string", value: "b" }]));
    expect(await values("resource.service.name")).toEqual(expect.arrayContaining([{ type: "string", value: "frontend" }, { type: "string", value: "inventory" }]));
    expect(await values("name")).toEqual(expect.arrayContaining(["GET /checkout", "charge", "get /inventory", "select stock"].map((value) => ({ type: "string", value }))));
    const inventory = `&${q('{ resource.service.name = "inventory" }')}`;
    expect(await values("name", inventory)).toEqual([{ type: "string", value: "get /inventory" }, { type: "string", value: "select stock" }]);
    expect(await values("span.http.path", inventory)).toEqual([{ type: "string", value: "/inventory" }]);
    expect(await values("span.http.method", inventory)).toEqual([]);
    expect(await json(`/tempo/api/search/tag/http.path/values?${window}${inventory}`)).toEqual({ tagValues: ["/inventory"], metrics: {} });
    expect(await values("span.http.method", `&${q("{ }")}`)).toEqual([{ type: "string", value: "GET" }]);
  });

  it.each([
    ["not_an_identifier", "/tempo/api/v2/search/tag/http.method/values", /^please provide a valid tagName/],
    ["a_query", `/tempo/api/v2/search/tag/${encodeURIComponent("name != nil } || { true")}/values`, /^please provide a valid tagName/],
    ["bad_window", "/tempo/api/search/tag/http.method/values?start=x", /^invalid start: /],
  ])("bad_values_input_is_a_400: %s", async (_name, path, message) => {
    await textError(path, 400, message);
  });

  // ---- protobuf answers of search and tag listings

  it.each([
    ["search_traceql", () => `/tempo/api/search?${q("{ status = error }")}&${window}`, TempoSearchResponse],
    ["search_tags", () => `/tempo/api/search?${tags("service.name=frontend")}&${window}`, TempoSearchResponse],
    ["tag_names", () => `/tempo/api/search/tags?${window}`, TempoSearchTagsResponse],
    ["scoped_tag_names", () => `/tempo/api/v2/search/tags?${window}`, TempoSearchTagsV2Response],
    ["tag_values", () => `/tempo/api/search/tag/status.code/values?${window}`, TempoSearchTagValuesResponse],
    ["typed_tag_values", () => `/tempo/api/v2/search/tag/span.http.status_code/values?${window}`, TempoSearchTagValuesV2Response],
  ])("%s_in_protobuf_when_accept_asks_for_it", async (_name, path, message) => {
    const asJson = await json(path());
    const answer = await get(path(), { accept: PROTOBUF });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe(PROTOBUF);
    expect(message.toObject(message.decode(answer.body), JSONPB)).toEqual(asJson);
  });

  // ---- trace by id

  it("trace_v1_json_is_jsonpb_otlp_under_batches", async () => {
    const body = await json(`/tempo/api/traces/${trace.traceId}`);
    expect(sortedAttributes(body)).toEqual(sortedAttributes({ batches: expectedResourceSpans(trace) }));
  });

  it("trace_v2_json_wraps_the_trace", async () => {
    const body = await json(`/tempo/api/v2/traces/${trace.traceId.toUpperCase()}?start=1&end=2`);
    expect(sortedAttributes(body)).toEqual(sortedAttributes({ trace: { resourceSpans: expectedResourceSpans(trace) }, metrics: {} }));
  });

  it.each([PROTOBUF, `application/json;q=0.5, ${PROTOBUF}`])("trace_v1_protobuf_is_a_traces_data_message (Accept: %s)", async (accept) => {
    const answer = await get(`/tempo/api/traces/${tempoId}`, { accept });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe(PROTOBUF);
    const decoded = TracesData.toObject(TracesData.decode(answer.body), JSONPB);
    expect(sortedAttributes(decoded)).toEqual(sortedAttributes({ resourceSpans: expectedResourceSpans(trace) }));
  });

  it("trace_v2_protobuf_is_a_trace_by_id_response", async () => {
    const answer = await get(`/tempo/api/v2/traces/${trace.traceId}`, { accept: PROTOBUF });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe(PROTOBUF);
    const decoded = TempoTraceByIDResponse.toObject(TempoTraceByIDResponse.decode(answer.body), JSONPB);
    expect(sortedAttributes(decoded)).toEqual(sortedAttributes({ trace: { resourceSpans: expectedResourceSpans(trace) }, metrics: {} }));
  });

  it("trace_v2_q_keeps_the_matching_spans_as_a_partial_trace", async () => {
    const spanIdsOf = (body: Json) =>
      ((body.trace as { resourceSpans?: Json[] }).resourceSpans ?? []).flatMap((resource) =>
        (resource.scopeSpans as Json[]).flatMap((scope) => (scope.spans as Json[]).map((span) => span.spanId)),
      );
    const inventory = await json(`/tempo/api/v2/traces/${trace.traceId}?${q('{ resource.service.name = "inventory" }')}`);
    // The deduper saw the whole trace: the server half keeps its new id and its parent.
    expect(spanIdsOf(inventory)).toEqual([b64("0000000000000001"), b64(trace.ids.query)]);
    expect(inventory).toMatchObject({ status: "PARTIAL", message: "Trace filtered, only a subset of spans matching the filter is returned" });
    const everything = await json(`/tempo/api/v2/traces/${trace.traceId}?${q("{ }")}`);
    expect(spanIdsOf(everything)).toHaveLength(5);
    expect(everything.status).toBeUndefined();
    const answer = await get(`/tempo/api/v2/traces/${trace.traceId}?${q("{ status = error }")}`, { accept: PROTOBUF });
    const decoded = TempoTraceByIDResponse.toObject(TempoTraceByIDResponse.decode(answer.body), JSONPB);
    expect(decoded).toMatchObject({ status: "PARTIAL", message: "Trace filtered, only a subset of spans matching the filter is returned" });
    expect(spanIdsOf(decoded)).toEqual([b64(trace.ids.charge)]);
  });

  it.each([
    ["structural", '{ name = "charge" } > { }', /^invalid TraceQL filter: only a single spanset filter/],
    ["trace_level", "{ traceDuration > 1s }", /^invalid TraceQL filter: trace-level intrinsics are not supported: traceDuration$/],
    ["pipeline", "{ } | count() > 1", /^invalid TraceQL query: .*pipelines/],
  ])("trace_v2_q_refuses_what_tempo_refuses: %s", async (_name, query, message) => {
    await textError(`/tempo/api/v2/traces/${trace.traceId}?${q(query)}`, 400, message);
  });

  it("trace_v2_hierarchy_options_are_refused", async () => {
    await textError(`/tempo/api/v2/traces/${trace.traceId}?${q("{ }")}&keep_hierarchy=true`, 400, /^invalid keep_hierarchy: keep_hierarchy is not supported/);
    expect((await get(`/tempo/api/v2/traces/${trace.traceId}?keep_hierarchy=false&match_depth=0`)).status).toBe(200);
  });

  it("unknown_trace_v1_is_a_404_with_no_body", async () => {
    for (const accept of ["application/json", PROTOBUF]) {
      const answer = await get(`/tempo/api/traces/${"ab".repeat(16)}`, { accept });
      expect(answer.status).toBe(404);
      expect(answer.body.length).toBe(0);
    }
  });

  it("unknown_trace_v2_is_the_empty_trace_as_tempo_answers", async () => {
    expect(await json(`/tempo/api/v2/traces/${"ab".repeat(16)}`)).toEqual({ trace: {}, metrics: {} });
    const answer = await get(`/tempo/api/v2/traces/${"ab".repeat(16)}`, { accept: PROTOBUF });
    const decoded = TempoTraceByIDResponse.decode(answer.body) as unknown as { trace: unknown };
    // The trace field is written (empty), so a Go client's tr.Trace is not nil.
    expect(decoded.trace).not.toBeNull();
    expect(TempoTraceByIDResponse.toObject(TempoTraceByIDResponse.decode(answer.body), JSONPB)).toEqual({ trace: {}, metrics: {} });
  });

  it.each([
    ["not_hex", "/tempo/api/traces/xyz1", /^trace IDs can only contain hex characters: invalid character 'x' at position 1$/],
    ["too_long", `/tempo/api/v2/traces/${"a".repeat(33)}`, /^trace IDs can't be larger than 128 bits$/],
    ["end_before_start", `/tempo/api/traces/${"a".repeat(32)}?start=20&end=10`, /^http parameter start must be before end. received start=20 end=10$/],
    ["bad_mode", `/tempo/api/v2/traces/${"a".repeat(32)}?mode=fast`, /^invalid value for mode fast$/],
  ])("bad_trace_request_is_a_400: %s", async (_name, path, message) => {
    await textError(path, 400, message);
  });
});
