import { describe, expect, it } from "vitest";
import { SpanKind, type AttributeValue } from "@/lib/domain/span-record";
import { jaegerKeyValue, toJaegerTrace } from "@/lib/query/jaeger/jaeger-model";
import { spanId, testSpan } from "../../../store/support/test-spans";

const TRACE = "0000000000000000463ac35c9f6413ad";

describe("jaegerKeyValue (typed attributes as Jaeger tags)", () => {
  it.each<[string, AttributeValue, unknown]>([
    ["string", "GET", { type: "string", value: "GET" }],
    ["bool", false, { type: "bool", value: false }],
    ["int", 200, { type: "int64", value: 200 }],
    ["int_past_2_53_kept_exact_as_text", { int: "9007199254740993" }, { type: "int64", value: "9007199254740993" }],
    ["double", { double: 200 }, { type: "float64", value: 200 }],
    ["non_finite_double_as_text", { double: "Infinity" }, { type: "float64", value: "Infinity" }],
    ["bytes_as_base64", { bytes: "AQI=" }, { type: "binary", value: "AQI=" }],
    ["array_as_json_text", [1, "a"], { type: "string", value: '[1,"a"]' }],
    ["kvlist_as_json_text", { kvlist: { a: true } }, { type: "string", value: '{"a":true}' }],
  ])("%s", (_name, value, expected) => {
    expect(jaegerKeyValue("k", value)).toEqual({ key: "k", ...(expected as object) });
  });
});

describe("toJaegerTrace", () => {
  it("64_bit_trace_ids_are_written_with_16_digits", () => {
    const trace = toJaegerTrace([testSpan({ traceId: TRACE, spanId: spanId(5) })]);
    expect(trace.traceID).toBe("463ac35c9f6413ad");
    expect(trace.spans[0].traceID).toBe("463ac35c9f6413ad");
  });

  it("shared_server_halves_get_the_smallest_unused_ids_and_their_children_follow", () => {
    const start = 1_700_000_000_000_000_000n;
    const spans = [
      testSpan({ traceId: TRACE, spanId: spanId(1), kind: SpanKind.SERVER, startTimeNs: start }),
      testSpan({ traceId: TRACE, spanId: spanId(3), parentSpanId: spanId(1), kind: SpanKind.CLIENT, startTimeNs: start + 1n }),
      testSpan({ traceId: TRACE, spanId: spanId(3), parentSpanId: spanId(1), kind: SpanKind.SERVER, serviceName: "b", startTimeNs: start + 2n }),
      testSpan({ traceId: TRACE, spanId: spanId(4), parentSpanId: spanId(3), kind: SpanKind.INTERNAL, serviceName: "b", startTimeNs: start + 3n }),
    ];
    const tree = toJaegerTrace(spans).spans.map((span) => ({ id: span.spanID, parents: span.references.map((ref) => ref.spanID) }));
    expect(tree).toEqual([
      { id: spanId(1), parents: [] },
      { id: spanId(3), parents: [spanId(1)] },
      // ids 1 and 3 are taken, so the server half becomes 2.
      { id: spanId(2), parents: [spanId(3)] },
      { id: spanId(4), parents: [spanId(2)] },
    ]);
  });

  it("a_lone_server_span_keeps_its_id", () => {
    const [span] = toJaegerTrace([testSpan({ traceId: TRACE, spanId: spanId(7), parentSpanId: spanId(6) })]).spans;
    expect({ id: span.spanID, parents: span.references.map((ref) => ref.spanID) }).toEqual({ id: spanId(7), parents: [spanId(6)] });
  });
});
