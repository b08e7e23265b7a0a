import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { storeQueriesOf } from "../support/store-queries";
import { newTraceId, spanIdOf } from "../support/test-app";

/** The rendered trace detail is cached, but never outlives a change to the trace. */
describeOnEachDatabase("trace detail cache", ({ app }) => {
  const T0 = 1_795_712_400_000_000_000n;
  const post = (traceId: string, ids: number[], service = "cached") =>
    app.postJson(
      "/v1/traces",
      otlpRequest(
        service,
        ids.map((n) => otlpSpan({ traceId, spanId: spanIdOf(n), ...(n > 1 ? { parentSpanId: spanIdOf(1) } : {}), name: `op ${n}`, start: T0 + BigInt(n), end: T0 + 1_000n * BigInt(n) })),
      ),
    );
  const detail = async (traceId: string) => {
    const answer = await app.send(`/api/tracing/traces/${traceId}`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    return answer.json() as { trace: { spanCount: number }; spans: Array<{ name: string }> };
  };

  it("a_repeated_view_answers_the_same", async () => {
    const traceId = newTraceId();
    expect((await post(traceId, [1, 2])).status).toBe(200);
    expect(await detail(traceId)).toEqual(await detail(traceId));
  });

  it("spans_arriving_later_show_up_at_once", async () => {
    const traceId = newTraceId();
    await post(traceId, [1, 2]);
    expect((await detail(traceId)).spans.map((span) => span.name)).toEqual(["op 1", "op 2"]);
    await post(traceId, [3], "later");
    const after = await detail(traceId);
    expect(after.trace.spanCount).toBe(3);
    expect(after.spans.map((span) => span.name)).toEqual(["op 1", "op 2", "op 3"]);
  });

  it("a_trace_removed_by_retention_is_gone", async () => {
    const traceId = newTraceId();
    await post(traceId, [1]);
    await detail(traceId);
    expect((await app.send("/api/tracing/cleanup?max_age_seconds=0", { method: "POST" })).status).toBe(200);
    expect((await app.send(`/api/tracing/traces/${traceId}`)).status).toBe(404);
  });

  /** The span reads (statements on `spans`) that `run` makes. */
  const spanReadsOf = async (run: () => Promise<unknown>) =>
    (await storeQueriesOf(run)).filter((query) => query.attributes["db.collection.name"] === "spans").length;

  it("requests_for_an_answer_being_rendered_share_its_render", async () => {
    const { getTraceDetailJson } = await import("@/lib/query/traces/trace-detail");
    const traceId = newTraceId();
    await post(traceId, [1, 2, 3]);
    let answers: Array<string | null> = [];
    expect(await spanReadsOf(async () => (answers = await Promise.all([getTraceDetailJson(traceId, "compact"), getTraceDetailJson(traceId, "compact")])))).toBe(1);
    expect(answers[0]).not.toBeNull();
    expect(answers[1]).toBe(answers[0]);
  });

  it("the_trace_page_warms_its_compact_view", async () => {
    const { getTraceDetailJson, warmTraceDetail } = await import("@/lib/query/traces/trace-detail");
    const traceId = newTraceId();
    await post(traceId, [1, 2]);
    // As the page's URL may spell it; an id that is not one, or an unknown trace, warms nothing and throws nothing.
    expect(await spanReadsOf(() => warmTraceDetail(traceId.toUpperCase()))).toBe(1);
    expect(await spanReadsOf(() => getTraceDetailJson(traceId, "compact"))).toBe(0);
    expect(await spanReadsOf(() => warmTraceDetail("not-a-trace-id"))).toBe(0);
    await expect(warmTraceDetail(newTraceId())).resolves.toBeUndefined();
  });
});
