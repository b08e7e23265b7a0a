import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { startTestApp, type StoredSpan, type TestApp } from "../support/test-app";
import {
  buildShopTrace,
  EVERY_TYPE_STORED,
  exportSpans,
  ExportResultCode,
  hrTimeToNs,
  INCOMING_TRACESTATE,
  LINKED,
  type ExporterKind,
  type ShopTrace,
} from "../support/sdk-trace";

/** Real OpenTelemetry JS exports (SDK 2.x, OTLP/HTTP and OTLP/gRPC exporters 0.223) read back from the store. */

/** contentType null: sent over gRPC, so no HTTP request reaches the app's HTTP server. */
const VARIANTS: Array<{ name: string; kind: ExporterKind; gzip: boolean; contentType: string | null }> = [
  { name: "httpJson", kind: "json", gzip: false, contentType: "application/json" },
  { name: "httpProtobuf", kind: "protobuf", gzip: false, contentType: "application/x-protobuf" },
  { name: "httpJson_gzip", kind: "json", gzip: true, contentType: "application/json" },
  { name: "httpProtobuf_gzip", kind: "protobuf", gzip: true, contentType: "application/x-protobuf" },
  { name: "grpc", kind: "grpc", gzip: false, contentType: null },
  { name: "grpc_gzip", kind: "grpc", gzip: true, contentType: null },
];

/** OTLP numbering: the API's SpanKind is one lower. */
const EXPECTED_KIND: Record<string, number> = {
  "POST /checkout": 2,
  "SELECT orders": 3,
  "orders.serialize": 1,
  "orders publish": 4,
  charge: 2,
  "orders process": 5,
};

function parentOf(span: ReadableSpan): string | null {
  return span.parentSpanContext?.spanId ?? null;
}

function storedByName(stored: StoredSpan[], name: string): StoredSpan {
  const found = stored.filter((span) => span.name === name);
  expect(found, `stored spans named ${name}`).toHaveLength(1);
  return found[0];
}

describeOnEachDatabase("OTLP/HTTP exports from the OpenTelemetry JS SDK", ({ app }) => {

  describe.each(VARIANTS)("$name", ({ kind, gzip, contentType }) => {
    let shop: ShopTrace;
    let stored: StoredSpan[];

    beforeAll(async () => {
      shop = await buildShopTrace();
      const requestsBefore = app.server.seen.length;
      const url = kind === "grpc" ? `http://${app.grpcAddress}` : `${app.url}/v1/traces`;
      const result = await exportSpans(url, kind, shop.spans, gzip);
      expect(result.code, String(result.error)).toBe(ExportResultCode.SUCCESS);
      // What went over the wire is what this variant claims.
      const sent = app.server.seen.slice(requestsBefore);
      if (contentType === null) {
        expect(sent).toHaveLength(0);
      } else {
        expect(sent).toHaveLength(1);
        expect(sent[0].headers["content-type"]).toBe(contentType);
        expect(sent[0].headers["content-encoding"]).toBe(gzip ? "gzip" : undefined);
      }
      stored = await app.spans({ traceId: shop.traceId });
    });

    it("exportResult_success_everySpanStoredOnce", () => {
      expect(shop.spans).toHaveLength(6);
      expect(stored.map((span) => span.name).sort()).toEqual(shop.spans.map((span) => span.name).sort());
    });

    it("startAndEnd_exactNanosecondsOfTheSdkHrTime", () => {
      for (const span of shop.spans) {
        const row = storedByName(stored, span.name);
        expect({ name: span.name, start: row.startTimeNs, end: row.endTimeNs, duration: row.durationNs }).toEqual({
          name: span.name,
          start: hrTimeToNs(span.startTime),
          end: hrTimeToNs(span.endTime),
          duration: hrTimeToNs(span.endTime) - hrTimeToNs(span.startTime),
        });
      }
      // Sub-microsecond digits survive (a float or a microsecond clock would lose them).
      expect(storedByName(stored, "POST /checkout").startTimeNs).toBe(1_735_787_045_123_456_789n);
      expect(storedByName(stored, "SELECT orders").endTimeNs).toBe(1_735_787_045_300_000_002n);
    });

    it("idsParentsAndKinds_asTheSdkMadeThem", () => {
      for (const span of shop.spans) {
        const row = storedByName(stored, span.name);
        expect({ name: row.name, traceId: row.traceId, spanId: row.spanId, parent: row.parentSpanId, kind: row.kind }).toEqual({
          name: span.name,
          traceId: span.spanContext().traceId,
          spanId: span.spanContext().spanId,
          parent: parentOf(span),
          kind: EXPECTED_KIND[span.name],
        });
      }
      const root = storedByName(stored, "POST /checkout");
      const client = storedByName(stored, "SELECT orders");
      expect(root.parentSpanId).toBeNull();
      expect(client.parentSpanId).toBe(root.spanId);
      expect(storedByName(stored, "orders.serialize").parentSpanId).toBe(client.spanId);
      expect(storedByName(stored, "charge").parentSpanId).toBe(client.spanId);
      expect(storedByName(stored, "orders process").parentSpanId).toBe(storedByName(stored, "orders publish").spanId);
    });

    it("attributesOfEveryType_storedTyped", () => {
      expect(storedByName(stored, "POST /checkout").attributes).toEqual(EVERY_TYPE_STORED);
      expect(storedByName(stored, "SELECT orders").attributes).toEqual({ "db.system.name": "postgresql", "server.port": 5432 });
    });

    it("statusCodesAndMessages", () => {
      const status = (name: string) => {
        const row = storedByName(stored, name);
        return [row.statusCode, row.statusMessage];
      };
      expect(status("POST /checkout")).toEqual([1, null]);
      expect(status("SELECT orders")).toEqual([2, "query timed out"]);
      expect(status("charge")).toEqual([2, "card declined"]);
      expect(status("orders publish")).toEqual([0, null]);
    });

    it("eventsWithExactTimes", () => {
      expect(storedByName(stored, "SELECT orders").events).toEqual([
        {
          name: "exception",
          timeNs: "1735787045250000003",
          attributes: { "exception.type": "TimeoutError", "exception.message": "query timed out", "retry.count": 2 },
        },
      ]);
      const serialize = shop.byName("orders.serialize");
      expect(storedByName(stored, "orders.serialize").events).toEqual([
        { name: "serialized", timeNs: hrTimeToNs(serialize.events[0].time).toString(), attributes: { bytes: 512 } },
      ]);
    });

    it("linksWithTracestateAndAttributes", () => {
      expect(storedByName(stored, "SELECT orders").links).toEqual([
        { traceId: LINKED.traceId, spanId: LINKED.spanId, traceState: LINKED.traceState, attributes: { "link.reason": "retry-of", "link.attempt": 2 } },
      ]);
      const producer = storedByName(stored, "orders publish");
      expect(storedByName(stored, "orders process").links).toEqual([
        { traceId: shop.traceId, spanId: producer.spanId, traceState: null, attributes: {} },
      ]);
    });

    it("serviceResourceScopeAndTracestate", () => {
      for (const name of ["POST /checkout", "SELECT orders", "orders.serialize", "orders publish"]) {
        const row = storedByName(stored, name);
        expect([row.serviceName, row.scopeName, row.scopeVersion]).toEqual(["checkout", "checkout-lib", "1.4.0"]);
      }
      const charge = storedByName(stored, "charge");
      expect([charge.serviceName, charge.scopeName, charge.scopeVersion]).toEqual(["payments", "payments-lib", "0.9.1"]);
      expect(charge.traceState).toBe(INCOMING_TRACESTATE);
      expect(storedByName(stored, "POST /checkout").traceState).toBeNull();
      expect(charge.resourceAttributes).toEqual({
        "service.name": "payments",
        "service.version": "2.1.0",
        "deployment.environment.name": "test",
      });
    });

    it("traceSummary_rootCountsErrorsServices", async () => {
      const start = hrTimeToNs(shop.byName("POST /checkout").startTime);
      const end = shop.spans.map((span) => hrTimeToNs(span.endTime)).reduce((a, b) => (a > b ? a : b));
      expect(await app.traceSummary(shop.traceId)).toEqual({
        trace: {
          rootService: "checkout",
          rootName: "POST /checkout",
          hasRoot: true,
          startTimeNs: start,
          endTimeNs: end,
          durationNs: end - start,
          spanCount: 6,
          errorCount: 2,
        },
        services: [
          { serviceName: "checkout", startTimeNs: start, spanCount: 4, errorCount: 1 },
          { serviceName: "payments", startTimeNs: start, spanCount: 2, errorCount: 1 },
        ],
      });
    });
  });
});

describe("OTLP/JSON from older and hand-written senders", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("instrumentationLibrarySpans_base64AndUpperHexIds_enumNames_int64NumberLiterals_exact", async () => {
    const traceBytes = Buffer.from("5b8efff798038103d269b633813fc60c", "hex");
    const spanBytes = Buffer.from("eee19b7ec3c1b174", "hex");
    // Written by hand: JSON.stringify cannot produce these 19-digit number literals.
    const body = `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"legacy"}}]},
      "instrumentationLibrarySpans":[{"instrumentationLibrary":{"name":"old-lib","version":"0.1"},"spans":[
        {"traceId":"${traceBytes.toString("base64")}","spanId":"${spanBytes.toString("base64")}","name":"legacy op",
         "kind":"SPAN_KIND_CLIENT","startTimeUnixNano":1735787045123456789,"endTimeUnixNano":"1735787045987654321",
         "status":{"code":"STATUS_CODE_ERROR","message":"old"},
         "attributes":[{"key":"big","value":{"intValue":9223372036854775807}},{"key":"neg","value":{"intValue":"-9223372036854775808"}}]},
        {"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"AAAAAAAAAAAAAAA1","parentSpanId":"EEE19B7EC3C1B174","name":"child",
         "kind":1,"startTimeUnixNano":1735787045200000001,"endTimeUnixNano":1735787045200000002}
      ]}]}]}`;
    const answer = await app.send("/v1/traces", { body, headers: { "content-type": "application/json; charset=utf-8" } });
    expect([answer.status, answer.json()]).toEqual([200, {}]);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    const stored = await app.spans({ traceId: "5b8efff798038103d269b633813fc60c" });
    expect(stored.map((span) => [span.spanId, span.parentSpanId, span.kind, span.startTimeNs, span.endTimeNs, span.statusCode, span.statusMessage])).toEqual([
      ["eee19b7ec3c1b174", null, 3, 1_735_787_045_123_456_789n, 1_735_787_045_987_654_321n, 2, "old"],
      ["aaaaaaaaaaaaaaa1", "eee19b7ec3c1b174", 1, 1_735_787_045_200_000_001n, 1_735_787_045_200_000_002n, 0, null],
    ]);
    expect(stored[0].attributes).toEqual({ big: { int: "9223372036854775807" }, neg: { int: "-9223372036854775808" } });
    expect([stored[0].serviceName, stored[0].scopeName, stored[0].scopeVersion]).toEqual(["legacy", "old-lib", "0.1"]);
  });
});

describe("Official exporters with TRACEBOARD_INGEST_TOKEN set", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_INGEST_TOKEN: "s3cret" } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(VARIANTS)("$name: stored with the bearer token, refused without it", async ({ kind, gzip }) => {
    const url = kind === "grpc" ? `http://${app.grpcAddress}` : `${app.url}/v1/traces`;
    const refused = await buildShopTrace();
    expect((await exportSpans(url, kind, refused.spans, gzip)).code).toBe(ExportResultCode.FAILED);
    expect((await exportSpans(url, kind, refused.spans, gzip, "Authorization=Bearer wrong")).code).toBe(ExportResultCode.FAILED);
    expect(await app.spans({ traceId: refused.traceId })).toHaveLength(0);
    const shop = await buildShopTrace();
    const result = await exportSpans(url, kind, shop.spans, gzip, "Authorization=Bearer s3cret");
    expect(result.code, String(result.error)).toBe(ExportResultCode.SUCCESS);
    expect(await app.spans({ traceId: shop.traceId })).toHaveLength(shop.spans.length);
  });
});
