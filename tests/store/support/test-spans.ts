import { SpanKind, StatusCode, type SpanRecord } from "@/lib/domain/span-record";

let counter = 0;

/** A 32-hex trace id unique within the test run. */
export function newTraceId(): string {
  counter += 1;
  return `${Date.now().toString(16)}${counter.toString(16)}`.padStart(32, "0").slice(-32);
}

/** A 16-hex span id. */
export function spanId(n: number): string {
  return n.toString(16).padStart(16, "0");
}

/** A span with plain defaults; times in nanoseconds since a fixed 2023 instant. */
export function testSpan(overrides: Partial<SpanRecord> & Pick<SpanRecord, "traceId" | "spanId">): SpanRecord {
  return {
    parentSpanId: null,
    name: "GET /",
    kind: SpanKind.SERVER,
    startTimeNs: 1_700_000_000_000_000_000n,
    endTimeNs: 1_700_000_000_100_000_000n,
    statusCode: StatusCode.UNSET,
    statusMessage: null,
    serviceName: "frontend",
    resourceAttributes: { "service.name": overrides.serviceName ?? "frontend" },
    attributes: {},
    events: [],
    links: [],
    scopeName: null,
    scopeVersion: null,
    traceState: null,
    ...overrides,
  };
}
