import { describe, expect, it } from "vitest";
import { SpanKind, StatusCode, UNKNOWN_SERVICE, type SpanRecord } from "@/lib/domain/span-record";
import { toZipkinTrace } from "@/lib/query/zipkin/zipkin-model";
import { spanId, testSpan } from "../../../store/support/test-spans";

const TRACE = "5af7183fb1d4cf5f463ac35c9f6413ad";
const START = 1_700_000_000_000_000_000n;

const one = (overrides: Partial<SpanRecord>) => toZipkinTrace([testSpan({ traceId: TRACE, spanId: spanId(1), startTimeNs: START, ...overrides })])[0];

describe("toZipkinTrace (span records in Zipkin's v2 model)", () => {
  it.each<[string, Partial<SpanRecord>, Record<string, unknown>]>([
    ["sub_microsecond_duration_rounds_up", { endTimeNs: START + 1n }, { duration: 1 }],
    ["zero_duration_is_absent", { endTimeNs: START }, { duration: undefined }],
    ["internal_kind_is_a_tag", { kind: SpanKind.INTERNAL }, { kind: undefined, tags: { "span.kind": "internal" } }],
    ["unspecified_kind_is_absent", { kind: SpanKind.UNSPECIFIED }, { kind: undefined, tags: undefined }],
    ["consumer", { kind: SpanKind.CONSUMER }, { kind: "CONSUMER" }],
    ["error_without_message", { statusCode: StatusCode.ERROR }, { tags: { error: "true" } }],
    ["ok_status", { statusCode: StatusCode.OK }, { tags: { "otel.status_code": "OK" } }],
    ["unknown_service_has_no_local_endpoint", { serviceName: UNKNOWN_SERVICE, resourceAttributes: {} }, { localEndpoint: undefined }],
    ["ipv6_address", { attributes: { "network.peer.address": "2001:db8::c001", "network.peer.port": 443 } }, { remoteEndpoint: { ipv6: "2001:db8::c001", port: 443 } }],
    ["debug_flag", { attributes: { "zipkin.debug": true } }, { debug: true, tags: undefined }],
    ["event_attributes_in_the_collector_format", { events: [{ name: "retry", timeNs: (START + 1500n).toString(), attributes: { n: 2 } }] }, {
      annotations: [{ timestamp: Number(START / 1000n) + 1, value: 'retry|{"n":"2"}|0' }],
    }],
  ])("%s", (_name, overrides, expected) => {
    const span = one(overrides) as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) expect(span[key], key).toEqual(value);
  });

  it("server_half_of_a_shared_span_is_marked_shared", () => {
    const trace = toZipkinTrace([
      testSpan({ traceId: TRACE, spanId: spanId(2), kind: SpanKind.SERVER, serviceName: "b", startTimeNs: START + 1n }),
      testSpan({ traceId: TRACE, spanId: spanId(2), kind: SpanKind.CLIENT, serviceName: "a", startTimeNs: START + 1n }),
    ]);
    expect(trace.map((span) => ({ kind: span.kind, shared: span.shared }))).toEqual([
      { kind: "CLIENT", shared: undefined },
      { kind: "SERVER", shared: true },
    ]);
  });
});
