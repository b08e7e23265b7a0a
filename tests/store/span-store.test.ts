import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpanKind, StatusCode, type Attributes, type SpanRecord } from "@/lib/domain/span-record";
import { STORE_TARGETS, type OpenStore } from "./support/store-targets";
import { newTraceId, spanId, testSpan } from "./support/test-spans";

const T0 = 1_700_000_000_000_000_000n;
const MS = 1_000_000n;

describe.each(STORE_TARGETS)("span store on $provider", ({ provider, skipReason, open }) => {
  describe.skipIf(skipReason !== null)(skipReason ?? provider, () => {
    let target: OpenStore;

    beforeAll(async () => {
      target = await open();
    });
    afterAll(async () => {
      await target?.dispose();
    });

    /** Spans as stored, each with its span_resources row's fields beside it. */
    const storedSpans = async (traceId: string) => {
      const rows = await target.db.span.findMany({ where: { traceId }, orderBy: [{ startTimeNs: "asc" }, { kind: "asc" }] });
      const resources = await target.db.spanResource.findMany({ where: { id: { in: rows.map((row) => row.resourceId) } } });
      const byId = new Map(resources.map((resource) => [resource.id, resource]));
      return rows.map((row) => {
        const { attributes: resourceAttributes, scopeName, scopeVersion } = byId.get(row.resourceId)!;
        return { ...row, resourceAttributes, scopeName, scopeVersion };
      });
    };
    const traceSummary = async (traceId: string) => {
      const trace = await target.db.trace.findUnique({ where: { traceId } });
      const services = await target.db.traceService.findMany({ where: { traceId }, orderBy: { serviceName: "asc" } });
      return { trace, services };
    };

    it("emptyBatch_writesNothing", async () => {
      await expect(target.store.writeSpans([])).resolves.toEqual({ inserted: 0, duplicates: 0, conflicts: [] });
    });

    it("nanosecondTimestamps_roundTripExactly", async () => {
      const traceId = newTraceId();
      // 19 digits, beyond 2^53: a float anywhere on the way would change the last digits.
      const span = testSpan({ traceId, spanId: spanId(1), startTimeNs: 1_712_345_678_901_234_567n, endTimeNs: 1_712_345_678_999_999_999n });
      await target.store.writeSpans([span]);
      const [row] = await storedSpans(traceId);
      expect(row.startTimeNs).toBe(1_712_345_678_901_234_567n);
      expect(row.endTimeNs).toBe(1_712_345_678_999_999_999n);
      expect(row.durationNs).toBe(98_765_432n);
      const { trace } = await traceSummary(traceId);
      expect(trace).toMatchObject({ startTimeNs: span.startTimeNs, endTimeNs: span.endTimeNs, durationNs: 98_765_432n });
    });

    it("typedAttributesEventsLinks_roundTrip", async () => {
      const traceId = newTraceId();
      const attributes: Attributes = {
        "http.route": "/users/:id",
        "http.status_code": 200,
        big: { int: "9223372036854775807" },
        ratio: { double: 200 },
        nan: { double: "NaN" },
        ok: true,
        tags: ["a", "b"],
        raw: { bytes: "AAEC" },
        nested: { kvlist: { quote: 'say "hi"\n', emoji: "✓ 漢字" } },
      };
      const span = testSpan({
        traceId,
        spanId: spanId(1),
        attributes,
        resourceAttributes: { "service.name": "frontend", "host.name": "web-1" },
        events: [{ name: "exception", timeNs: "1700000000000000001", attributes: { "exception.type": "Error" } }],
        links: [{ traceId: newTraceId(), spanId: spanId(9), traceState: "a=1", attributes: { why: "retry" } }],
        statusCode: StatusCode.ERROR,
        statusMessage: "boom",
        scopeName: "@opentelemetry/instrumentation-http",
        scopeVersion: "0.57.0",
        traceState: "vendor=x",
      });
      await target.store.writeSpans([span]);
      const [row] = await storedSpans(traceId);
      expect(JSON.parse(row.attributes)).toEqual(attributes);
      expect(JSON.parse(row.resourceAttributes)).toEqual(span.resourceAttributes);
      expect(JSON.parse(row.events)).toEqual(span.events);
      expect(JSON.parse(row.links)).toEqual(span.links);
      expect(row).toMatchObject({
        statusCode: StatusCode.ERROR,
        statusMessage: "boom",
        scopeName: span.scopeName,
        scopeVersion: span.scopeVersion,
        traceState: "vendor=x",
        parentSpanId: null,
        kind: SpanKind.SERVER,
      });
    });

    it("retriedBatch_isIgnored", async () => {
      const traceId = newTraceId();
      const batch = [
        testSpan({ traceId, spanId: spanId(1) }),
        testSpan({ traceId, spanId: spanId(2), parentSpanId: spanId(1), statusCode: StatusCode.ERROR, serviceName: "api" }),
      ];
      await expect(target.store.writeSpans(batch)).resolves.toEqual({ inserted: 2, duplicates: 0, conflicts: [] });
      const before = await traceSummary(traceId);
      await expect(target.store.writeSpans(batch)).resolves.toEqual({ inserted: 0, duplicates: 2, conflicts: [] });
      expect(await storedSpans(traceId)).toHaveLength(2);
      expect(await traceSummary(traceId)).toEqual(before);
      expect(before.trace).toMatchObject({ spanCount: 2, errorCount: 1 });
    });

    it.each<[string, Partial<SpanRecord>]>([
      ["name", { name: "renamed" }],
      ["end", { endTimeNs: 9_999_999_999n }],
      ["attribute", { attributes: { "http.route": "/other" } }],
      ["parent_to_null", { parentSpanId: null }],
      ["status_message", { statusMessage: "now failed" }],
    ])("sameIdsOtherContent_%s_isAConflict_theFirstVersionKept", async (_name, change) => {
      const traceId = newTraceId();
      const first = testSpan({ traceId, spanId: spanId(1), parentSpanId: spanId(9), attributes: { "http.route": "/a" } });
      const other = testSpan({ traceId, spanId: spanId(2) });
      await target.store.writeSpans([first]);
      // Positions in the written list: the retry of `first` is a plain duplicate, the changed one a conflict.
      await expect(target.store.writeSpans([other, first, { ...first, ...change }])).resolves.toEqual({ inserted: 1, duplicates: 2, conflicts: [2] });
      const stored = await storedSpans(traceId);
      expect(stored.find((span) => span.spanId === spanId(1))).toMatchObject({ name: first.name, attributes: JSON.stringify(first.attributes) });
    });

    // A large write goes to the database in slices, each its own transaction (1,000 spans
    // on PostgreSQL, 5,000 on SQLite); the result must read as one write: counts summed,
    // conflicts at their place in the whole list.
    it("largeWrite_conflictPositionsCountFromTheFirstSpan", { timeout: 30_000 }, async () => {
      const traceId = newTraceId();
      const changed = [10, 2_500, 5_900];
      const spans = Array.from({ length: 6_000 }, (_, i) => testSpan({ traceId, spanId: spanId(i + 1), startTimeNs: T0 + BigInt(i) * MS }));
      await target.store.writeSpans(changed.map((i) => spans[i]));
      const resent = spans.map((span, i) => (changed.includes(i) ? { ...span, name: "changed" } : span));
      await expect(target.store.writeSpans(resent)).resolves.toEqual({ inserted: 5_997, duplicates: 3, conflicts: changed });
      expect((await traceSummary(traceId)).trace?.spanCount).toBe(6_000);
    });

    // PostgreSQL's roll-up trigger once joined a batch to the stored spans of its traces on
    // the trace id alone: one large trace cost the square of its size (6,000 spans: 1.7 s,
    // against 0.12 s as 6,000 one-span traces).
    it("oneLargeTrace_writesAboutAsFastAsAsManyOneSpanTraces", { timeout: 60_000 }, async () => {
      const count = 12_000;
      const timeToWrite = async (traceIdOf: () => string) => {
        const spans = Array.from({ length: count }, (_, i) => testSpan({ traceId: traceIdOf(), spanId: spanId(i + 1), parentSpanId: i === 0 ? null : spanId(i), startTimeNs: T0 + BigInt(i) * MS }));
        const started = performance.now();
        await target.store.writeSpans(spans);
        return performance.now() - started;
      };
      const traceId = newTraceId();
      const oneTrace = await timeToWrite(() => traceId);
      const manyTraces = await timeToWrite(newTraceId);
      expect(oneTrace).toBeLessThan(3 * manyTraces);
    });

    it("sameSpanTwiceInOneBatch_storedOnce", async () => {
      const traceId = newTraceId();
      const span = testSpan({ traceId, spanId: spanId(1) });
      await expect(target.store.writeSpans([span, span])).resolves.toEqual({ inserted: 1, duplicates: 1, conflicts: [] });
      expect((await traceSummary(traceId)).trace?.spanCount).toBe(1);
    });

    it("zipkinSharedSpan_bothKindsStored", async () => {
      const traceId = newTraceId();
      const client = testSpan({ traceId, spanId: spanId(7), parentSpanId: spanId(1), kind: SpanKind.CLIENT, serviceName: "frontend" });
      const server = testSpan({ traceId, spanId: spanId(7), parentSpanId: spanId(1), kind: SpanKind.SERVER, serviceName: "api", startTimeNs: T0 + MS });
      await expect(target.store.writeSpans([client, server])).resolves.toEqual({ inserted: 2, duplicates: 0, conflicts: [] });
      const rows = await storedSpans(traceId);
      expect(rows.map((row) => [row.spanId, row.kind, row.serviceName])).toEqual([
        [spanId(7), SpanKind.CLIENT, "frontend"],
        [spanId(7), SpanKind.SERVER, "api"],
      ]);
    });

    it("outOfOrderArrival_summaryEndsRight", async () => {
      const traceId = newTraceId();
      const root = testSpan({ traceId, spanId: spanId(1), name: "GET /checkout", serviceName: "frontend", startTimeNs: T0, endTimeNs: T0 + 900n * MS });
      const child = testSpan({ traceId, spanId: spanId(2), parentSpanId: spanId(1), name: "POST /pay", serviceName: "payments", kind: SpanKind.CLIENT, startTimeNs: T0 + 100n * MS, endTimeNs: T0 + 400n * MS, statusCode: StatusCode.ERROR });
      const grandchild = testSpan({ traceId, spanId: spanId(3), parentSpanId: spanId(2), name: "charge", serviceName: "payments", kind: SpanKind.INTERNAL, startTimeNs: T0 + 50n * MS, endTimeNs: T0 + 950n * MS });

      await target.store.writeSpans([child]);
      expect((await traceSummary(traceId)).trace).toMatchObject({ rootService: "payments", rootName: "POST /pay", hasRoot: false });
      // An earlier span replaces the provisional root while no real root is known.
      await target.store.writeSpans([grandchild]);
      expect((await traceSummary(traceId)).trace).toMatchObject({ rootName: "charge", hasRoot: false, startTimeNs: T0 + 50n * MS });
      await target.store.writeSpans([root]);

      const { trace, services } = await traceSummary(traceId);
      expect(trace).toEqual({
        traceId,
        rootService: "frontend",
        rootName: "GET /checkout",
        hasRoot: true,
        startTimeNs: T0,
        endTimeNs: T0 + 950n * MS,
        durationNs: 950n * MS,
        spanCount: 3,
        errorCount: 1,
      });
      expect(services).toEqual([
        { traceId, serviceName: "frontend", startTimeNs: T0, spanCount: 1, errorCount: 0 },
        { traceId, serviceName: "payments", startTimeNs: T0, spanCount: 2, errorCount: 1 },
      ]);
    });

    it("realRootStays_whenEarlierChildArrivesLater", async () => {
      const traceId = newTraceId();
      await target.store.writeSpans([testSpan({ traceId, spanId: spanId(1), name: "root", startTimeNs: T0 + 10n * MS })]);
      // Clock skew: a child that claims to start before its root.
      await target.store.writeSpans([testSpan({ traceId, spanId: spanId(2), parentSpanId: spanId(1), name: "skewed", serviceName: "api", startTimeNs: T0 })]);
      const { trace, services } = await traceSummary(traceId);
      expect(trace).toMatchObject({ rootName: "root", hasRoot: true, startTimeNs: T0, spanCount: 2 });
      expect(services.map((service) => service.startTimeNs)).toEqual([T0, T0]);
    });

    it("operations_listedWithKinds", async () => {
      const service = `checkout-${newTraceId().slice(-6)}`;
      const traceId = newTraceId();
      await target.store.writeSpans([
        testSpan({ traceId, spanId: spanId(1), serviceName: service, name: "POST /order", kind: SpanKind.SERVER, startTimeNs: T0 }),
        testSpan({ traceId, spanId: spanId(2), serviceName: service, name: "POST /order", kind: SpanKind.SERVER, startTimeNs: T0 + 5n * MS }),
        testSpan({ traceId, spanId: spanId(3), serviceName: service, name: "SELECT orders", kind: SpanKind.CLIENT }),
      ]);
      const operations = await target.db.operation.findMany({ where: { serviceName: service }, orderBy: { spanName: "asc" } });
      expect(operations).toEqual([
        { serviceName: service, spanName: "POST /order", kind: SpanKind.SERVER, lastSeenNs: T0 + 5n * MS },
        { serviceName: service, spanName: "SELECT orders", kind: SpanKind.CLIENT, lastSeenNs: T0 },
      ]);
    });

    it("operationLastSeen_movesOncePerMinute", async () => {
      const service = `clock-${newTraceId().slice(-6)}`;
      const seenAt = async (startTimeNs: bigint) => {
        await target.store.writeSpans([testSpan({ traceId: newTraceId(), spanId: spanId(1), serviceName: service, startTimeNs })]);
        return (await target.db.operation.findFirstOrThrow({ where: { serviceName: service } })).lastSeenNs;
      };
      const minute = 60_000n * MS;
      expect(await seenAt(T0)).toBe(T0);
      expect(await seenAt(T0 + minute)).toBe(T0);
      expect(await seenAt(T0 + minute + 1n)).toBe(T0 + minute + 1n);
      expect(await seenAt(T0)).toBe(T0 + minute + 1n);
    });

    it("storageStats_countsRowsAndBytes", async () => {
      const before = await target.store.storageStats();
      await target.store.writeSpans([testSpan({ traceId: newTraceId(), spanId: spanId(1) })]);
      const after = await target.store.storageStats();
      expect(after.spans).toBe(before.spans + 1);
      expect(after.traces).toBe(before.traces + 1);
      expect(after.bytes).toBeGreaterThan(0);
    });

    it("deleteOlderThan_removesOldSpansInBatches_keepsNewOnes", async () => {
      const cutoff = 1_600_000_000_000_000_000n;
      const old = (n: number) => cutoff - BigInt(100 - n) * MS;
      const service = `retention-${provider}`;
      const oldTrace = newTraceId();
      const mixedTrace = newTraceId();
      const newTrace = newTraceId();
      const spans: SpanRecord[] = [
        ...[1, 2, 3, 4, 5].map((n) =>
          testSpan({ traceId: oldTrace, spanId: spanId(n), parentSpanId: n === 1 ? null : spanId(1), serviceName: n % 2 ? service : `${service}-db`, name: "old-op", startTimeNs: old(n), endTimeNs: old(n) + MS, statusCode: n === 2 ? StatusCode.ERROR : StatusCode.OK }),
        ),
        testSpan({ traceId: mixedTrace, spanId: spanId(1), serviceName: service, startTimeNs: old(6), endTimeNs: cutoff + 10n * MS }),
        testSpan({ traceId: mixedTrace, spanId: spanId(2), parentSpanId: spanId(1), serviceName: `${service}-db`, startTimeNs: old(7), endTimeNs: old(8), statusCode: StatusCode.ERROR }),
        testSpan({ traceId: mixedTrace, spanId: spanId(3), parentSpanId: spanId(1), serviceName: service, startTimeNs: cutoff + MS, statusCode: StatusCode.ERROR, endTimeNs: cutoff + 2n * MS }),
        testSpan({ traceId: newTrace, spanId: spanId(1), serviceName: service, startTimeNs: cutoff, endTimeNs: cutoff + MS }),
      ];
      await target.store.writeSpans(spans);

      // Other tests' spans start after the cutoff, so exactly these 7 are old.
      await expect(target.store.deleteOlderThan(cutoff, 3)).resolves.toEqual({ spans: 7, traces: 1 });

      expect(await storedSpans(oldTrace)).toEqual([]);
      expect(await traceSummary(oldTrace)).toEqual({ trace: null, services: [] });
      expect((await storedSpans(mixedTrace)).map((span) => span.spanId)).toEqual([spanId(3)]);
      const mixed = await traceSummary(mixedTrace);
      expect(mixed.trace).toMatchObject({ spanCount: 1, errorCount: 1 });
      expect(mixed.services).toEqual([expect.objectContaining({ serviceName: service, spanCount: 1, errorCount: 1 })]);
      expect(await storedSpans(newTrace)).toHaveLength(1);
      expect(await target.db.operation.count({ where: { spanName: "old-op" } })).toBe(0);

      await expect(target.store.deleteOlderThan(cutoff)).resolves.toEqual({ spans: 0, traces: 0 });
      // The store must not remember the deleted operation as still written.
      await target.store.writeSpans([testSpan({ traceId: newTraceId(), spanId: spanId(1), serviceName: service, name: "old-op", startTimeNs: old(1) })]);
      expect(await target.db.operation.count({ where: { spanName: "old-op" } })).toBe(1);
    });

    it("deleteOlderThan_rejectsNonPositiveBatchSize", async () => {
      await expect(target.store.deleteOlderThan(T0, 0)).rejects.toThrow(RangeError);
    });
  });
});
