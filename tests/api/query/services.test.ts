import { beforeAll, expect, it } from "vitest";
import type { SpanKind } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { spanRecord } from "./span-records";

const T0 = 1_796_000_000_000_000_000n;

describeOnEachDatabase("GET /api/tracing/services and /services/{service}/operations", ({ app }) => {
  beforeAll(async () => {
    const traceId = newTraceId();
    const span = (n: number, serviceName: string, name: string, kind: SpanKind, offsetNs: bigint) =>
      spanRecord({ traceId, spanId: spanIdOf(n), serviceName, name, kind, start: T0 + offsetNs });
    await app.modules.getSpanStore().writeSpans([
      span(1, "web", "GET /", 2, 0n),
      span(2, "web", "GET /", 3, 1n),
      span(3, "web", "render", 1, 2n),
      span(4, "db service", "SELECT", 3, 5n),
      span(5, "web", "GET /", 2, 7n),
    ]);
  });

  it("lists_services_with_operation_counts_kinds_and_last_seen", async () => {
    const answer = await app.send("/api/tracing/services");
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      services: [
        { name: "db service", operationCount: 1, spanKinds: ["client"], lastSeenUnixNano: (T0 + 5n).toString() },
        { name: "web", operationCount: 3, spanKinds: ["internal", "server", "client"], lastSeenUnixNano: (T0 + 7n).toString() },
      ],
    });
  });

  it.each([
    ["all_operations_by_name_then_kind", "/api/tracing/services/web/operations", 200, {
      service: "web",
      operations: [
        { name: "GET /", spanKind: "server", lastSeenUnixNano: (T0 + 7n).toString() },
        { name: "GET /", spanKind: "client", lastSeenUnixNano: (T0 + 1n).toString() },
        { name: "render", spanKind: "internal", lastSeenUnixNano: (T0 + 2n).toString() },
      ],
    }],
    ["kind_filter", "/api/tracing/services/web/operations?kind=client", 200, {
      service: "web",
      operations: [{ name: "GET /", spanKind: "client", lastSeenUnixNano: (T0 + 1n).toString() }],
    }],
    ["known_service_without_that_kind_is_empty", "/api/tracing/services/web/operations?kind=consumer", 200, { service: "web", operations: [] }],
    ["url_encoded_service_name", "/api/tracing/services/db%20service/operations", 200, {
      service: "db service",
      operations: [{ name: "SELECT", spanKind: "client", lastSeenUnixNano: (T0 + 5n).toString() }],
    }],
  ])("%s", async (_name, path, status, body) => {
    const answer = await app.send(path);
    expect(answer.status).toBe(status);
    expect(answer.json()).toEqual(body);
  });

  it.each([
    ["unknown_service_is_404", "/api/tracing/services/nobody/operations", 404, /no service "nobody"/],
    ["bad_kind_is_400_listing_kinds", "/api/tracing/services/web/operations?kind=rpc", 400, /kind: .*"server".*"client"/],
  ])("%s", async (_name, path, status, message) => {
    const answer = await app.send(path);
    expect(answer.status).toBe(status);
    expect((answer.json() as { error: { message: string } }).error.message).toMatch(message);
  });
});
