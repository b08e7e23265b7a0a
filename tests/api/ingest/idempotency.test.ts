import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { encodeProtobufRequest, otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf } from "../support/test-app";

/** A retried OTLP batch (the exporters retry on timeouts and 503s) must not duplicate spans or inflate summaries. */

const T0 = 1_735_787_045_000_000_001n;
const MS = 1_000_000n;

/** root (ok) -> child (error) -> grandchild, in one trace. */
function threeSpans(traceId: string) {
  return [
    otlpSpan({ traceId, spanId: spanIdOf(1), name: "GET /cart", kind: 2, start: T0, end: T0 + 90n * MS }),
    otlpSpan({ traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), name: "load cart", start: T0 + 5n * MS, end: T0 + 40n * MS, status: { code: 2, message: "cache miss" } }),
    otlpSpan({ traceId, spanId: spanIdOf(3), parentSpanId: spanIdOf(2), name: "SELECT carts", kind: 3, start: T0 + 6n * MS, end: T0 + 30n * MS }),
  ];
}

describeOnEachDatabase("idempotent OTLP ingest", ({ app }) => {

  const snapshot = async (traceId: string) => ({ spans: await app.spans({ traceId }), summary: await app.traceSummary(traceId) });

  it("sameJsonBatchTwice_secondChangesNothing", async () => {
    const traceId = newTraceId();
    const document = otlpRequest("cart", threeSpans(traceId));
    const first = await app.postJson("/v1/traces", document);
    expect([first.status, first.json()]).toEqual([200, {}]);
    const afterFirst = await snapshot(traceId);
    expect(afterFirst.spans).toHaveLength(3);
    expect(afterFirst.summary.trace).toMatchObject({ spanCount: 3, errorCount: 1, rootName: "GET /cart" });
    const duplicatesBefore = app.modules.ingestCounters().duplicates;

    const retry = await app.postJson("/v1/traces", document);
    expect([retry.status, retry.json()]).toEqual([200, {}]);
    expect(await snapshot(traceId)).toEqual(afterFirst);
    expect(app.modules.ingestCounters().duplicates - duplicatesBefore).toBe(3);
  });

  it("concurrentIdenticalPosts_storedOnce", async () => {
    const traceId = newTraceId();
    const body = JSON.stringify(otlpRequest("cart", threeSpans(traceId)));
    // Posted at once, the copies can land in one group-commit transaction.
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => app.send("/v1/traces", { body, headers: { "content-type": "application/json" } })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const { spans, summary } = await snapshot(traceId);
    expect(spans).toHaveLength(3);
    expect(summary.trace).toMatchObject({ spanCount: 3, errorCount: 1, startTimeNs: T0, endTimeNs: T0 + 90n * MS });
    expect(summary.services).toEqual([{ serviceName: "cart", startTimeNs: T0, spanCount: 3, errorCount: 1 }]);
  });

  it("jsonThenSameSpansAsProtobuf_notDuplicated", async () => {
    const traceId = newTraceId();
    const document = otlpRequest("cart", threeSpans(traceId));
    expect((await app.postJson("/v1/traces", document)).status).toBe(200);
    const afterJson = await snapshot(traceId);
    const retry = await app.send("/v1/traces", { body: encodeProtobufRequest(document), headers: { "content-type": "application/x-protobuf" } });
    expect(retry.status).toBe(200);
    expect(await snapshot(traceId)).toEqual(afterJson);
  });

  it("sameSpanTwiceInOneRequest_storedOnce", async () => {
    const traceId = newTraceId();
    const [root, child] = threeSpans(traceId);
    const answer = await app.postJson("/v1/traces", otlpRequest("cart", [root, child, root, child]));
    expect([answer.status, answer.json()]).toEqual([200, {}]);
    const { spans, summary } = await snapshot(traceId);
    expect(spans.map((span) => span.name)).toEqual(["GET /cart", "load cart"]);
    expect(summary.trace).toMatchObject({ spanCount: 2, errorCount: 1 });
    expect(summary.services).toEqual([{ serviceName: "cart", startTimeNs: T0, spanCount: 2, errorCount: 1 }]);
  });

  it("retryWithOneNewSpan_onlyTheNewSpanCounted", async () => {
    const traceId = newTraceId();
    const [root, child, grandchild] = threeSpans(traceId);
    expect((await app.postJson("/v1/traces", otlpRequest("cart", [root, child]))).status).toBe(200);
    expect((await app.postJson("/v1/traces", otlpRequest("cart", [root, child, grandchild]))).status).toBe(200);
    const { spans, summary } = await snapshot(traceId);
    expect(spans.map((span) => span.name)).toEqual(["GET /cart", "load cart", "SELECT carts"]);
    expect(summary.trace).toEqual({
      rootService: "cart",
      rootName: "GET /cart",
      hasRoot: true,
      startTimeNs: T0,
      endTimeNs: T0 + 90n * MS,
      durationNs: 90n * MS,
      spanCount: 3,
      errorCount: 1,
    });
    expect(summary.services).toEqual([{ serviceName: "cart", startTimeNs: T0, spanCount: 3, errorCount: 1 }]);
  });
});
