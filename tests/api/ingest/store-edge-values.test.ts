import { setTimeout as sleep } from "node:timers/promises";
import { expect, it, vi } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf } from "../support/test-app";

/**
 * Values that pass the decoders but that a database column may not hold. One bad span
 * must be rejected alone (or stored), never fail the group-commit transaction: that
 * would answer 503 to its request forever (clients retry 503s) and to every other
 * request committed in the same transaction.
 */

const T0_MICROS = 1_735_787_045_000_000;
const T0 = 1_735_787_045_000_000_000n;

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await sleep(5);
  expect(condition()).toBe(true);
}

describeOnEachDatabase("edge values through ingest", ({ provider, app }) => {

  const zipkinSpan = (traceId: string, id: number, duration: number) => ({
    traceId,
    id: spanIdOf(id),
    name: `span ${id}`,
    timestamp: T0_MICROS,
    duration,
    localEndpoint: { serviceName: "edge" },
  });

  // Zipkin durations are microseconds: 2^53-1 of them end in the year 2255+285, past int64 nanoseconds.
  it("zipkinDurationPastInt64Nanos_spanRejectedAlone_202", async () => {
    const traceId = newTraceId();
    const answer = await app.postJson("/api/v2/spans", [zipkinSpan(traceId, 1, 1_000), zipkinSpan(traceId, 2, Number.MAX_SAFE_INTEGER)]);
    expect(answer.status).toBe(202);
    expect((await app.spans({ traceId })).map((span) => span.name)).toEqual(["span 1"]);
  });

  it("zipkinDurationPastInt64Nanos_validRequestInTheSameGroupCommit_stillCommitted", async () => {
    // Hold the first transaction so the next two requests are committed together.
    const store = app.modules.getSpanStore();
    const writeSpans = store.writeSpans.bind(store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(store, "writeSpans").mockImplementation(async (spans) => {
      await gate;
      return writeSpans(spans);
    });
    try {
      const blocker = app.postJson("/api/v2/spans", [zipkinSpan(newTraceId(), 1, 10)]);
      await until(() => app.modules.ingestCounters().queueDepth === 1);
      const otlpTrace = newTraceId();
      const valid = app.postJson("/v1/traces", otlpRequest("edge", [otlpSpan({ traceId: otlpTrace, spanId: spanIdOf(1), name: "valid", start: T0, end: T0 + 1n })]));
      await until(() => app.modules.ingestCounters().queueDepth === 2);
      // The decoder rejects the span, so it never joins the held batch: answered at once.
      const poisoned = await app.postJson("/api/v2/spans", [zipkinSpan(newTraceId(), 1, Number.MAX_SAFE_INTEGER)]);
      expect(app.modules.ingestCounters().queueDepth).toBe(2);
      release();
      // Every span of the poisoned request was rejected: a 400 saying why, not a silent 202.
      expect([(await blocker).status, (await valid).status, poisoned.status]).toEqual([202, 200, 400]);
      expect(await app.spans({ traceId: otlpTrace })).toHaveLength(1);
    } finally {
      release();
      spy.mockRestore();
    }
  });

  it("nulCharacterInNameAndStatusMessage_notA5xx", async () => {
    const traceId = newTraceId();
    const span = otlpSpan({ traceId, spanId: spanIdOf(1), name: "GET /a\u0000b", start: T0, end: T0 + 1n, status: { code: 2, message: "bad\u0000byte" } });
    const answer = await app.postJson("/v1/traces", otlpRequest("edge", [span]));
    expect(answer.status).toBe(200);
    // SQLite keeps NUL; PostgreSQL text cannot hold it, so the store writes U+FFFD instead.
    const nul = provider === "postgresql" ? "\uFFFD" : "\u0000";
    const [stored] = await app.spans({ traceId });
    expect([stored.name, stored.statusMessage]).toEqual([`GET /a${nul}b`, `bad${nul}byte`]);
  });
});
