import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type HttpAnswer, type StoredSpan, type TestApp } from "../support/test-app";

/**
 * What a Zipkin reporter (zipkin-js, Brave) posts to /api/v2/spans: a JSON array of v2
 * spans, microsecond times, a 64-bit trace id, and a B3 single-span RPC whose client and
 * server halves share one span id (the server marked `shared`).
 */

const TRACE_ID_64 = "86154a4ba6e91385";
const RPC_SPAN_ID = "4d1e00c0db9010db";

function zipkinUpload(traceId: string) {
  const rootId = traceId.slice(-16);
  return [
    {
      traceId,
      parentId: rootId,
      id: RPC_SPAN_ID,
      kind: "CLIENT",
      name: "get /api",
      timestamp: 1735787045123456,
      duration: 15001,
      localEndpoint: { serviceName: "frontend", ipv4: "192.168.99.1" },
      remoteEndpoint: { serviceName: "backend", ipv4: "172.19.0.3", port: 9000 },
      tags: { "http.method": "GET", "http.path": "/api" },
      annotations: [
        { timestamp: 1735787045123500, value: "ws" },
        { timestamp: 1735787045138400, value: "wr" },
      ],
    },
    {
      traceId,
      parentId: rootId,
      id: RPC_SPAN_ID,
      kind: "SERVER",
      shared: true,
      name: "get /api",
      timestamp: 1735787045125000,
      duration: 12000,
      localEndpoint: { serviceName: "backend", ipv6: "2001:db8::c001", port: 9000 },
      remoteEndpoint: { ipv4: "172.19.0.2", port: 58648 },
      tags: { "http.method": "GET", "http.path": "/api", error: "Connection reset" },
    },
    {
      traceId,
      id: rootId,
      name: "get /",
      kind: "SERVER",
      timestamp: 1735787045100000,
      duration: 60000,
      localEndpoint: { serviceName: "frontend" },
    },
  ];
}

describe("Zipkin v2 JSON to /api/v2/spans", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const VARIANTS: Array<{ name: string; traceId: string; storedTraceId: string; gzip: boolean }> = [
    { name: "traceId64_padded", traceId: TRACE_ID_64, storedTraceId: `0000000000000000${TRACE_ID_64}`, gzip: false },
    { name: "traceId128_upperCase_gzip", traceId: "5B8EFFF798038103D269B633813FC60C", storedTraceId: "5b8efff798038103d269b633813fc60c", gzip: true },
  ];

  describe.each(VARIANTS)("$name", ({ traceId, storedTraceId, gzip }) => {
    let answer: HttpAnswer;
    let stored: StoredSpan[];
    beforeAll(async () => {
      const json = JSON.stringify(zipkinUpload(traceId));
      answer = await app.send("/api/v2/spans", {
        body: gzip ? gzipSync(json) : json,
        headers: { "content-type": "application/json", ...(gzip ? { "content-encoding": "gzip" } : {}) },
      });
      stored = await app.spans({ traceId: storedTraceId });
    });

    it("answers202_emptyBody", () => {
      expect(answer.status).toBe(202);
      expect(answer.body.length).toBe(0);
    });

    it("sharedClientAndServer_bothStored_kinds3And2", () => {
      const rpc = stored.filter((span) => span.spanId === RPC_SPAN_ID);
      expect(rpc.map((span) => [span.kind, span.serviceName, span.parentSpanId])).toEqual([
        [3, "frontend", storedTraceId.slice(-16)],
        [2, "backend", storedTraceId.slice(-16)],
      ]);
      expect(rpc[1].attributes).toMatchObject({ "zipkin.shared": true });
      expect(stored).toHaveLength(3);
    });

    it("microseconds_exactNanoseconds", () => {
      const times = stored.map((span) => [span.name, span.kind, span.startTimeNs, span.endTimeNs]);
      expect(times).toEqual([
        ["get /", 2, 1_735_787_045_100_000_000n, 1_735_787_045_160_000_000n],
        ["get /api", 3, 1_735_787_045_123_456_000n, 1_735_787_045_138_457_000n],
        ["get /api", 2, 1_735_787_045_125_000_000n, 1_735_787_045_137_000_000n],
      ]);
      expect(stored[1].events).toEqual([
        { name: "ws", timeNs: "1735787045123500000", attributes: {} },
        { name: "wr", timeNs: "1735787045138400000", attributes: {} },
      ]);
    });

    it("tagsEndpointsAndErrorTag", () => {
      const [root, client, server] = stored;
      expect(root.parentSpanId).toBeNull();
      expect(client.attributes).toEqual({
        "http.method": "GET",
        "http.path": "/api",
        "network.local.address": "192.168.99.1",
        "network.peer.address": "172.19.0.3",
        "network.peer.port": 9000,
        "peer.service": "backend",
      });
      expect([server.statusCode, server.statusMessage]).toEqual([2, "Connection reset"]);
      expect(client.statusCode).toBe(0);
      expect(server.resourceAttributes).toEqual({ "service.name": "backend" });
    });

    it("traceSummary_threeSpansTwoServices", async () => {
      expect(await app.traceSummary(storedTraceId)).toEqual({
        trace: {
          rootService: "frontend",
          rootName: "get /",
          hasRoot: true,
          startTimeNs: 1_735_787_045_100_000_000n,
          endTimeNs: 1_735_787_045_160_000_000n,
          durationNs: 60_000_000n,
          spanCount: 3,
          errorCount: 1,
        },
        services: [
          { serviceName: "backend", startTimeNs: 1_735_787_045_100_000_000n, spanCount: 1, errorCount: 1 },
          { serviceName: "frontend", startTimeNs: 1_735_787_045_100_000_000n, spanCount: 2, errorCount: 0 },
        ],
      });
    });
  });

  it("retriedUpload_sharedPairNotDuplicated", async () => {
    const traceId = "bbbbbbbbbbbbbbbb";
    const upload = zipkinUpload(traceId);
    for (let attempt = 0; attempt < 3; attempt++) expect((await app.postJson("/api/v2/spans", upload)).status).toBe(202);
    const storedTraceId = `0000000000000000${traceId}`;
    expect((await app.spans({ traceId: storedTraceId })).map((span) => [span.spanId, span.kind])).toEqual([
      [traceId, 2],
      [RPC_SPAN_ID, 3],
      [RPC_SPAN_ID, 2],
    ]);
    expect((await app.traceSummary(storedTraceId)).trace).toMatchObject({ spanCount: 3, errorCount: 1 });
  });

  it("badSpan_rejectedAlone_othersStored_still202", async () => {
    const [good] = zipkinUpload("aaaaaaaaaaaaaaaa");
    const answer = await app.postJson("/api/v2/spans", [good, { ...good, id: "not-hex", kind: "SERVER" }]);
    expect(answer.status).toBe(202);
    // Zipkin answers 202 with no body; a drop is still reported, never silent.
    expect(answer.json()).toMatchObject({ accepted: 1, rejected: 1, errors: [expect.stringMatching(/id/)] });
    const stored = await app.spans({ traceId: "0000000000000000aaaaaaaaaaaaaaaa" });
    expect(stored.map((span) => [span.spanId, span.kind])).toEqual([[RPC_SPAN_ID, 3]]);
  });

  it("every_span_rejected_is_a_400_with_the_reasons_and_counted", async () => {
    const before = (await app.send("/api/tracing/statistics")).json() as { ingest: { rejected: number } };
    const answer = await app.postJson("/api/v2/spans", [{ traceId: "0000000000000000bbbbbbbbbbbbbbbb", id: "not-hex", name: "x", timestamp: 1, duration: 1 }]);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/^Every span was rejected: .*id/), details: { accepted: 0, rejected: 1 } } });
    const after = (await app.send("/api/tracing/statistics")).json() as { ingest: { rejected: number } };
    expect(after.ingest.rejected).toBe(before.ingest.rejected + 1);
  });
});
