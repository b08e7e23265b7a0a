import { beforeAll, describe, expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf, startTestApp, type StoredSpan } from "../support/test-app";
import { DATABASE_TARGETS } from "../support/test-database";
import { MS, T0, traceDocument } from "./support/detail-trace";

interface DetailAnswer {
  trace: { traceId: string; spanCount: number; rootName: string };
  depth: number;
  spans: Array<Record<string, unknown> & { name: string; depth: number; orphan: boolean; childCount: number }>;
}

describeOnEachDatabase("GET /api/tracing/traces/{traceId}", ({ app }) => {
  const traceId = newTraceId();

  beforeAll(async () => {
    expect((await app.postJson("/v1/traces", traceDocument(traceId))).status).toBe(200);
  });

  it("spans_in_parent_child_order_with_depth_and_orphans", async () => {
    const answer = await app.send(`/api/tracing/traces/${traceId}`);
    expect(answer.status).toBe(200);
    const detail = answer.json() as DetailAnswer;
    expect(detail.trace).toMatchObject({ traceId, spanCount: 5, rootName: "GET /" });
    expect(detail.depth).toBe(3);
    expect(detail.spans.map(({ name, depth, orphan, childCount }) => ({ name, depth, orphan, childCount }))).toEqual([
      { name: "GET /", depth: 0, orphan: false, childCount: 2 },
      { name: "child-a", depth: 1, orphan: false, childCount: 1 },
      { name: "grandchild", depth: 2, orphan: false, childCount: 0 },
      { name: "child-b", depth: 1, orphan: false, childCount: 0 },
      // Its parent never arrived: a top-level row beside the root, by start time (1 ms after it).
      { name: "orphan", depth: 0, orphan: true, childCount: 0 },
    ]);
  });

  it("each_span_carries_all_its_fields", async () => {
    const detail = (await app.send(`/api/tracing/traces/${traceId.toUpperCase()}`)).json() as DetailAnswer;
    expect(detail.spans[0]).toEqual({
      traceId,
      spanId: spanIdOf(1),
      parentSpanId: null,
      name: "GET /",
      kind: "server",
      serviceName: "web",
      startTimeUnixNano: T0.toString(),
      endTimeUnixNano: (T0 + 100n * MS).toString(),
      durationMs: 100,
      status: { code: "error", message: "boom" },
      attributes: {
        s: "text",
        b: true,
        i: 42,
        big: { int: "9223372036854775807" },
        d: { double: 200 },
        nan: { double: "NaN" },
        bytes: { bytes: "AQID" },
        arr: ["x", 1],
        kv: { kvlist: { inner: { double: 1.5 } } },
      },
      resourceAttributes: { "service.name": "web", "host.name": "h1" },
      events: [{ name: "exception", timeUnixNano: (T0 + 5n * MS).toString(), attributes: { "exception.type": "Error" } }],
      links: [{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceState: "x=y", attributes: { l: 7 } }],
      scope: { name: "http", version: "1.0" },
      traceState: "vendor=1",
      depth: 0,
      orphan: false,
      childCount: 2,
    });
  });

  it("format_otlp_groups_by_resource_and_scope", async () => {
    const document = (await app.send(`/api/tracing/traces/${traceId}?format=otlp`)).json() as {
      resourceSpans: Array<{ resource: { attributes: Array<{ key: string }> }; scopeSpans: Array<{ scope: object; spans: Array<{ name: string }> }> }>;
    };
    const shape = document.resourceSpans.map((resource) => ({
      resource: resource.resource.attributes.map((attribute) => attribute.key),
      scopes: resource.scopeSpans.map((scope) => ({ scope: scope.scope, spans: scope.spans.map((span) => span.name).sort() })),
    }));
    expect(shape).toHaveLength(2);
    expect(shape).toEqual(
      expect.arrayContaining([
        { resource: ["service.name", "host.name"], scopes: [{ scope: { name: "http", version: "1.0" }, spans: ["GET /"] }] },
        {
          resource: ["service.name"],
          scopes: expect.arrayContaining([
            { scope: { name: "db" }, spans: ["child-a", "child-b"] },
            { scope: { name: "rpc", version: "2" }, spans: ["grandchild", "orphan"] },
          ]),
        },
      ]),
    );
  });

  it.each([
    ["unknown_trace_is_404", `/api/tracing/traces/${"ab".repeat(16)}`, 404, "not_found"],
    ["unknown_trace_as_otlp_is_404", `/api/tracing/traces/${"ab".repeat(16)}?format=otlp`, 404, "not_found"],
    ["short_id_is_400", "/api/tracing/traces/abc", 400, "bad_request"],
    ["non_hex_id_is_400", `/api/tracing/traces/${"zz".repeat(16)}`, 400, "bad_request"],
    ["unknown_format_is_400", `/api/tracing/traces/${"ab".repeat(16)}?format=xml`, 400, "bad_request"],
  ])("%s", async (_name, path, status, code) => {
    const answer = await app.send(path);
    expect(answer.status).toBe(status);
    expect((answer.json() as { error: { code: string } }).error.code).toBe(code);
  });
});

/**
 * The OTLP export is importable: fed back into `POST /v1/traces` of a fresh app on the
 * same kind of database, it stores the same spans field for field. The two apps run one
 * after the other (an app owns the process-wide store while it runs).
 */
describe.each(DATABASE_TARGETS)("OTLP export round trip on $provider", ({ skipReason, create }) => {
  it.skipIf(skipReason !== null)("stores_the_same_spans_field_for_field", async () => {
    const traceId = newTraceId();
    const source = await startTestApp({ database: await create() });
    let exported: unknown;
    let original: StoredSpan[];
    try {
      expect((await source.postJson("/v1/traces", traceDocument(traceId))).status).toBe(200);
      const answer = await source.send(`/api/tracing/traces/${traceId}?format=otlp`);
      expect(answer.status).toBe(200);
      exported = answer.json();
      original = await source.spans({ traceId });
    } finally {
      await source.close();
    }
    const fresh = await startTestApp({ database: await create() });
    try {
      const imported = await fresh.postJson("/v1/traces", exported);
      expect(imported.status, imported.body.toString()).toBe(200);
      expect(imported.json()).toEqual({});
      expect(original).toHaveLength(5);
      expect(await fresh.spans({ traceId })).toEqual(original);
    } finally {
      await fresh.close();
    }
  });
});
