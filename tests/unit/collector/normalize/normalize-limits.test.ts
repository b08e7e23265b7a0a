import { describe, expect, it } from "vitest";
import { normalizeNativeBatch, normalizeOtlpJson, normalizeZipkinSpans, TooManySpansError } from "@/lib/collector/normalize";

const limits = { maxSpans: 10, maxRejected: 3 };
const zipkin = (id: number) => ({ traceId: "4bf92f3577b34da6a3ce929d0e0e4736", id: id.toString(16).padStart(16, "0"), name: "x", timestamp: 1_735_787_045_000_000, duration: 5 });

describe("normalize limits", () => {
  it.each([
    ["zipkin", () => normalizeZipkinSpans(Array.from({ length: 11 }, (_, i) => zipkin(i + 1)), limits)],
    ["native", () => normalizeNativeBatch({ spans: Array(11).fill(1) }, limits)],
    ["otlp_over_two_groups", () => normalizeOtlpJson({ resourceSpans: [{ scopeSpans: [{ spans: Array(6).fill({}) }, { spans: Array(5).fill({}) }] }] }, limits)],
  ])("%s_more_items_than_the_limit_throws_before_reading_any", (_name, run) => {
    expect(run).toThrow(TooManySpansError);
  });

  it("stops_at_the_rejection_limit_with_the_first_reasons", () => {
    expect(() => normalizeZipkinSpans([zipkin(1), 1, 2, 3, zipkin(2)], limits)).toThrow(/^3 spans rejected, so the request was not read further; the first reasons: 1: /);
  });

  it("within_the_limits_reads_everything", () => {
    const batch = normalizeZipkinSpans([...Array.from({ length: 8 }, (_, i) => zipkin(i + 1)), 1, 2], limits);
    expect(batch).toMatchObject({ rejected: 2 });
    expect(batch.spans).toHaveLength(8);
  });

  it("a_trace_file_without_limits_reads_any_number", () => {
    expect(normalizeZipkinSpans(Array.from({ length: 60_000 }, (_, i) => zipkin(i + 1))).spans).toHaveLength(60_000);
  });
});
