import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf } from "../support/test-app";

/** findTraceSummary: the shared summary shape of the trace list, detail and correlate. */
describeOnEachDatabase("findTraceSummary", ({ app }) => {
  it("summarizes_a_stored_trace_with_its_services_most_spans_first", async () => {
    const traceId = newTraceId();
    const root = spanIdOf(1);
    const start = 1_795_712_400_000_000_000n;
    const web = otlpRequest("web", [otlpSpan({ traceId, spanId: root, name: "GET /", start, end: start + 1_500_000n })]);
    const api = otlpRequest("api", [
      otlpSpan({ traceId, spanId: spanIdOf(2), parentSpanId: root, name: "a", start: start + 1n, end: start + 2n, status: { code: 2 } }),
      otlpSpan({ traceId, spanId: spanIdOf(3), parentSpanId: root, name: "b", start: start + 3n, end: start + 4n }),
    ]);
    expect((await app.postJson("/v1/traces", api)).status).toBe(200);
    expect((await app.postJson("/v1/traces", web)).status).toBe(200);
    const { findTraceSummary } = await import("@/lib/query/traces/trace-summary");
    expect(await findTraceSummary(traceId)).toEqual({
      traceId,
      rootService: "web",
      rootName: "GET /",
      hasRoot: true,
      startTimeUnixNano: start.toString(),
      endTimeUnixNano: (start + 1_500_000n).toString(),
      durationMs: 1.5,
      spanCount: 3,
      errorCount: 1,
      services: [
        { name: "api", spanCount: 2, errorCount: 1 },
        { name: "web", spanCount: 1, errorCount: 0 },
      ],
    });
  });

  it("unknown_trace_is_null", async () => {
    const { findTraceSummary } = await import("@/lib/query/traces/trace-summary");
    expect(await findTraceSummary(newTraceId())).toBeNull();
  });
});
