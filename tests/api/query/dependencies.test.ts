import { expect, it } from "vitest";
import type { DependenciesResponse } from "@/lib/api/contracts/dependencies";
import { SpanKind } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { NS_PER_MINUTE, span, uniqueService, writeSpans } from "./support/seed-spans";

/** 2025-02-01T00:00:00Z; each test takes its own hour after it. */
const T = 1_738_368_000_000_000_000n;
const HOUR = 60n * NS_PER_MINUTE;
const millis = (ns: bigint) => (ns / 1_000_000n).toString();

describeOnEachDatabase("GET /api/tracing/dependencies", ({ app }) => {
  async function dependencies(hour: bigint): Promise<DependenciesResponse> {
    const start = T + hour * HOUR;
    const answer = await app.send(`/api/tracing/dependencies?start=${millis(start)}&end=${millis(start + HOUR - 1n)}`);
    expect(answer.status, answer.body.toString()).toBe(200);
    return answer.json() as DependenciesResponse;
  }

  it("edges_count_calls_and_callee_errors_across_services_including_zipkin_shared_spans", async () => {
    const [web, shop, pay, stock] = ["web", "shop", "pay", "stock"].map(uniqueService);
    const base = T + 1n * HOUR + NS_PER_MINUTE;
    const order = (traceId: string, shopFails: boolean) => [
      span({ traceId, spanId: spanIdOf(1), service: web, startNs: base, durationMs: 50 }),
      span({ traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), service: web, kind: SpanKind.CLIENT, startNs: base + 1n, durationMs: 40 }),
      span({ traceId, spanId: spanIdOf(3), parentSpanId: spanIdOf(2), service: shop, startNs: base + 2n, durationMs: 30, error: shopFails }),
      span({ traceId, spanId: spanIdOf(4), parentSpanId: spanIdOf(3), service: shop, kind: SpanKind.CLIENT, startNs: base + 3n, durationMs: 10 }),
      span({ traceId, spanId: spanIdOf(5), parentSpanId: spanIdOf(4), service: pay, startNs: base + 4n, durationMs: 5, error: true }),
    ];
    const zipkinTrace = newTraceId();
    await writeSpans(app, [
      ...order(newTraceId(), true),
      ...order(zipkinTrace, false).slice(0, 3),
      // Zipkin shared RPC: the client and server halves share span id 6 (and parent 3).
      span({ traceId: zipkinTrace, spanId: spanIdOf(6), parentSpanId: spanIdOf(3), service: shop, kind: SpanKind.CLIENT, startNs: base + 5n, durationMs: 9 }),
      span({ traceId: zipkinTrace, spanId: spanIdOf(6), parentSpanId: spanIdOf(3), service: stock, kind: SpanKind.SERVER, startNs: base + 6n, durationMs: 8 }),
      // A child of the shared id inside the server's service: no edge.
      span({ traceId: zipkinTrace, spanId: spanIdOf(7), parentSpanId: spanIdOf(6), service: stock, kind: SpanKind.INTERNAL, startNs: base + 7n, durationMs: 1 }),
    ]);
    const graph = await dependencies(1n);
    expect(graph.edges).toEqual([
      { parent: web, child: shop, callCount: 2, errorCount: 1, errorRate: 0.5 },
      { parent: shop, child: pay, callCount: 1, errorCount: 1, errorRate: 1 },
      { parent: shop, child: stock, callCount: 1, errorCount: 0, errorRate: 0 },
    ]);
    expect(graph.nodes).toEqual([
      { service: shop, spanCount: 4, errorCount: 1 },
      { service: web, spanCount: 4, errorCount: 0 },
      { service: stock, spanCount: 2, errorCount: 0 },
      { service: pay, spanCount: 1, errorCount: 1 },
    ]);
  });

  it("a_parent_arriving_after_its_child_adds_the_edge_to_a_cached_bucket", async () => {
    const [caller, callee] = ["orders", "billing"].map(uniqueService);
    const traceId = newTraceId();
    const parentStart = T + 2n * HOUR + 4n * NS_PER_MINUTE;
    await writeSpans(app, [span({ traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), service: callee, startNs: parentStart + 2n * NS_PER_MINUTE, durationMs: 5 })]);
    const before = await dependencies(2n);
    expect(before.edges).toEqual([]);
    expect(before.nodes).toEqual([{ service: callee, spanCount: 1, errorCount: 0 }]);
    await writeSpans(app, [span({ traceId, spanId: spanIdOf(1), service: caller, kind: SpanKind.CLIENT, startNs: parentStart, durationMs: 200_000 })]);
    expect((await dependencies(2n)).edges).toEqual([{ parent: caller, child: callee, callCount: 1, errorCount: 0, errorRate: 0 }]);
  });

  it("a_late_zipkin_client_half_moves_the_edge_to_its_caller", async () => {
    const [web, shop, api] = ["web", "shop", "api"].map(uniqueService);
    const traceId = newTraceId();
    const base = T + 3n * HOUR;
    // The server half of span 3 arrives first: shop calls api from span 2's bucket (minute 6).
    await writeSpans(app, [
      span({ traceId, spanId: spanIdOf(1), service: web, startNs: base, durationMs: 900_000 }),
      span({ traceId, spanId: spanIdOf(3), parentSpanId: spanIdOf(2), service: api, startNs: base + 11n * NS_PER_MINUTE, durationMs: 5 }),
      span({ traceId, spanId: spanIdOf(2), parentSpanId: spanIdOf(1), service: shop, startNs: base + 6n * NS_PER_MINUTE, durationMs: 400_000 }),
    ]);
    expect((await dependencies(3n)).edges).toEqual([
      { parent: shop, child: api, callCount: 1, errorCount: 0, errorRate: 0 },
      { parent: web, child: shop, callCount: 1, errorCount: 0, errorRate: 0 },
    ]);
    // Shop's client half of span 3 arrives (Zipkin shared): the call now belongs to its bucket (minute 16),
    // and span 2's bucket must lose it, or it would count twice.
    await writeSpans(app, [span({ traceId, spanId: spanIdOf(3), parentSpanId: spanIdOf(2), service: shop, kind: SpanKind.CLIENT, startNs: base + 16n * NS_PER_MINUTE, durationMs: 5 })]);
    const after = await dependencies(3n);
    expect(after.edges).toEqual([
      { parent: shop, child: api, callCount: 1, errorCount: 0, errorRate: 0 },
      { parent: web, child: shop, callCount: 1, errorCount: 0, errorRate: 0 },
    ]);
    expect(after.nodes.find((node) => node.service === shop)?.spanCount).toBe(2);
  });

  it("start_after_end_is_400", async () => {
    const answer = await app.send("/api/tracing/dependencies?start=2025-01-02T00:00:00Z&end=2025-01-01T00:00:00Z");
    expect(answer.status).toBe(400);
    expect((answer.json() as { error: { message: string } }).error.message).toMatch(/start must not be after end/);
  });
});
