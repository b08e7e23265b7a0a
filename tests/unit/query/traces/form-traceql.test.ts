import { describe, expect, it } from "vitest";
import { formatTraceQL, parseTraceQL } from "@/lib/query/traceql";
import { formToTraceQL, type FormFilters } from "@/lib/query/traces/form-traceql";

const MS = 1_000_000n;

describe("formToTraceQL", () => {
  it.each<[string, Partial<FormFilters>, string]>([
    ["no_filter", {}, "{ }"],
    ["service", { service: "api" }, '{ resource.service.name = "api" }'],
    ["operation_kind_status", { operation: "GET /", kind: 2, status: 2 }, '{ (name = "GET /" && kind = server) && status = error }'],
    ["text_tag", { tags: [{ key: "http.route", value: "/a b" }] }, '{ span.http.route = "/a b" || resource.http.route = "/a b" }'],
    [
      "numeric_tag_is_text_or_number",
      { tags: [{ key: "code", value: "500" }] },
      '{ ((span.code = "500" || span.code = 500) || resource.code = "500") || resource.code = 500 }',
    ],
    ["fraction_tag", { tags: [{ key: "ratio", value: "0.5" }] }, '{ ((span.ratio = "0.5" || span.ratio = 0.5) || resource.ratio = "0.5") || resource.ratio = 0.5 }'],
    ["boolean_tag", { tags: [{ key: "retry", value: "true" }] }, '{ ((span.retry = "true" || span.retry = true) || resource.retry = "true") || resource.retry = true }'],
    ["trace_durations", { minDuration: 50n * MS, maxDuration: 2000n * MS, spanDuration: false }, "{ traceDuration >= 50ms && traceDuration <= 2s }"],
    ["span_durations", { minDuration: 50n * MS, spanDuration: true }, "{ duration >= 50ms }"],
  ])("%s", (_name, form, text) => {
    const query = formToTraceQL({ spanDuration: false, ...form } as FormFilters);
    expect(query.text).toBe(text);
    // The text is TraceQL that parses back to the same query.
    expect(formatTraceQL(parseTraceQL(query.text))).toBe(text);
  });
});
