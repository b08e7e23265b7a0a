import { expect, it } from "vitest";
import { SpanKind } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { expectCachedEqualsFresh as expectCachedEqualsFreshIn } from "./support/rollup-comparison";
import { NS_PER_MINUTE, span, uniqueService, writeSpans } from "./support/seed-spans";

/**
 * Cached roll-ups equal a fresh computation from the spans after every kind of change:
 * first computation, late spans, a late parent, and retention cutting a bucket in two.
 * Each comparison reads the same range once through the roll-ups and once live.
 */

/** 2024-06-01T00:00:00Z: before every other test's spans, so retention here touches only these. */
const T = 1_717_200_000_000_000_000n;
const RANGE = { from: T, to: T + 60n * NS_PER_MINUTE };

describeOnEachDatabase("roll-ups", ({ app }) => {
  const expectCachedEqualsFresh = () => expectCachedEqualsFreshIn(RANGE, 5n * NS_PER_MINUTE);

  it("cached_equals_fresh_through_late_spans_late_parents_and_retention", async () => {
    const [front, back] = ["front", "back"].map(uniqueService);
    const traceId = newTraceId();
    const minute = (n: number) => T + BigInt(n) * NS_PER_MINUTE;
    await writeSpans(app, [
      span({ traceId, spanId: spanIdOf(1), service: front, startNs: minute(1), durationMs: 30 }),
      span({ traceId, spanId: spanIdOf(3), parentSpanId: spanIdOf(2), service: back, startNs: minute(12), durationMs: 7, error: true }),
      ...Array.from({ length: 20 }, (_, i) => span({ service: back, name: "job", kind: SpanKind.CONSUMER, startNs: minute(2 * i + 1), durationMs: i + 1, ok: i % 3 === 0 })),
    ]);
    const first = await expectCachedEqualsFresh();
    expect(first.dependencies[`${front}->${back}`]).toBeUndefined();

    // Late spans into cached buckets, and the missing parent of span 3 (a bucket earlier than its child).
    await writeSpans(app, [
      span({ service: back, name: "job", kind: SpanKind.CONSUMER, startNs: minute(3), durationMs: 500, error: true }),
      span({ traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), service: front, kind: SpanKind.CLIENT, startNs: minute(8), durationMs: 300_000 }),
    ]);
    const late = await expectCachedEqualsFresh();
    expect(late.dependencies[`${front}->${back}`]).toEqual([1, 1]);

    // Retention cuts the bucket [20m, 25m) in two and removes the whole front -> back call.
    await app.modules.getSpanStore().deleteOlderThan(minute(22));
    const retained = await expectCachedEqualsFresh();
    expect(retained.metrics.every((row) => row.bucketStartNs >= minute(20))).toBe(true);
    expect(retained.dependencies[`${front}->${back}`]).toBeUndefined();
    expect(retained.dependencies[back]).toEqual([9, 0]);
  });
});
