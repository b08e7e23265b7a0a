import { expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf } from "../support/test-app";

/**
 * A span re-sent with the ids of a stored span but other content is not stored (the
 * first version is kept) and the sender is told, in its format's words; statistics
 * count it. A plain retry of the same span stays a silent, successful duplicate.
 */
const T0 = BigInt(Date.now() - 60_000) * 1_000_000n;

describeOnEachDatabase("spans re-sent with other content", ({ app }) => {
  const conflicts = async () => ((await app.send("/api/tracing/statistics")).json() as { ingest: { conflicts: number } }).ingest.conflicts;

  it("zipkin_answers_what_was_dropped_and_keeps_the_first_version", async () => {
    const traceId = newTraceId();
    const span = (name: string, id: number) => ({ traceId, id: spanIdOf(id), name, timestamp: Number(T0 / 1000n), duration: 5, localEndpoint: { serviceName: "zipkin-dup" } });
    expect((await app.postJson("/api/v2/spans", [span("first", 1)])).status).toBe(202);
    const before = await conflicts();
    const retried = await app.postJson("/api/v2/spans", [span("first", 1)]);
    expect(retried.status).toBe(202);
    expect(retried.body.length).toBe(0);
    const changed = await app.postJson("/api/v2/spans", [span("second", 1), span("new", 2)]);
    expect(changed.status).toBe(202);
    expect(changed.json()).toEqual({ accepted: 1, rejected: 1, errors: ["1 span repeat the ids of stored spans with other content; the first version is kept"] });
    const onlyChanged = await app.postJson("/api/v2/spans", [span("third", 1)]);
    expect(onlyChanged.status).toBe(400);
    expect((await app.spans({ traceId })).map((stored) => stored.name).sort()).toEqual(["first", "new"]);
    expect(await conflicts()).toBe(before + 2);
  });

  it("otlp_reports_them_as_partial_success", async () => {
    const traceId = newTraceId();
    const span = (name: string) => otlpSpan({ traceId, spanId: spanIdOf(1), name, start: T0, end: T0 + 10n });
    expect((await app.postJson("/v1/traces", otlpRequest("otlp-dup", [span("first")]))).json()).toEqual({});
    expect((await app.postJson("/v1/traces", otlpRequest("otlp-dup", [span("first")]))).json()).toEqual({});
    const answer = await app.postJson("/v1/traces", otlpRequest("otlp-dup", [span("changed")]));
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ partialSuccess: { rejectedSpans: "1", errorMessage: expect.stringMatching(/repeat the ids of stored spans with other content/) } });
    expect((await app.spans({ traceId })).map((stored) => stored.name)).toEqual(["first"]);
  });
});
