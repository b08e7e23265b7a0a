import { expect, it } from "vitest";
import { StatisticsResponse } from "@/lib/api/contracts/statistics";
import { SpanKind } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { NS_PER_MINUTE, span, uniqueService, writeSpans } from "./support/seed-spans";

/** 2025-03-01T00:00:00Z. */
const T = 1_740_787_200_000_000_000n;

describeOnEachDatabase("GET /api/tracing/statistics distributions", ({ app }) => {
  async function spanStatistics() {
    await app.flushSelfSpans();
    const { spanStatistics: compute } = await import("@/lib/query/span-statistics");
    return compute();
  }

  it("status_and_kind_distributions_and_average_duration_count_the_new_spans", async () => {
    const before = await spanStatistics();
    const service = uniqueService("stats");
    await writeSpans(app, [
      span({ service, startNs: T, durationMs: 10, error: true }),
      span({ service, startNs: T + NS_PER_MINUTE, durationMs: 20, ok: true }),
      span({ service, kind: SpanKind.CLIENT, startNs: T + 7n * NS_PER_MINUTE, durationMs: 30 }),
      span({ service, kind: SpanKind.PRODUCER, startNs: T + 61n * NS_PER_MINUTE, durationMs: 40, ok: true }),
      span({ service, kind: SpanKind.UNSPECIFIED, startNs: T + 200n * NS_PER_MINUTE, durationMs: 0 }),
    ]);
    const after = await spanStatistics();
    const delta = <K extends string>(a: Record<K, number>, b: Record<K, number>) =>
      Object.fromEntries(Object.keys(a).map((key) => [key, a[key as K] - b[key as K]]));
    expect(delta(after.status_distribution, before.status_distribution)).toEqual({ unset: 2, ok: 2, error: 1 });
    expect(delta(after.kind_distribution, before.kind_distribution)).toEqual({ unspecified: 1, internal: 0, server: 2, client: 1, producer: 1, consumer: 0 });
    const count = (stats: typeof before) => Object.values(stats.kind_distribution).reduce((sum, n) => sum + n, 0);
    const totalMs = (stats: typeof before) => (stats.average_duration_ms ?? 0) * count(stats);
    expect(totalMs(after) - totalMs(before)).toBeCloseTo(100, 6);
  });

  it("the_route_answers_the_contract_with_totals_matching_the_distributions", async () => {
    await app.flushSelfSpans();
    const answer = await app.send("/api/tracing/statistics");
    expect(answer.status).toBe(200);
    const statistics = StatisticsResponse.parse(answer.json());
    const byStatus = Object.values(statistics.status_distribution).reduce((sum, n) => sum + n, 0);
    expect(byStatus).toBe(statistics.total_spans);
    expect(Object.values(statistics.kind_distribution).reduce((sum, n) => sum + n, 0)).toBe(statistics.total_spans);
    expect(statistics.average_duration_ms).toBeGreaterThan(0);
  });
});
