import { describe, expect, it } from "vitest";
import { parseTraceQL } from "@/lib/query/traceql";
import { tagSearchTraceQL } from "@/lib/query/tempo/tags-traceql";

/** Tempo's tag search (tempodb/encoding/vparquet4/block_search.go) as TraceQL, one spanset per pair. */
describe("tagSearchTraceQL", () => {
  const MS = 1_000_000n;
  it.each([
    ["nothing_is_every_trace", [], {}, "{ }"],
    ["resource_column_substring", [["service.name", "cart"]], {}, '{ resource."service.name" =~ ".*cart.*" }'],
    ["span_column_substring", [["http.url", "/a.b?"]], {}, '{ span."http.url" =~ ".*/a\\\\.b\\\\?.*" }'],
    ["span_name", [["name", "GET"]], {}, '{ name =~ ".*GET.*" }'],
    ["root_fields", [["root.service.name", "web"], ["root.name", "x"]], {}, '{ rootServiceName =~ ".*web.*" } && { rootName =~ ".*x.*" }'],
    ["status_code", [["status.code", "error"]], {}, "{ status = error }"],
    ["unknown_status_is_unset", [["status.code", "bad"]], {}, "{ status = unset }"],
    ["error_tag", [["error", "true"]], {}, "{ status = error }"],
    ["http_status_code_int", [["http.status_code", "500"]], {}, '{ span."http.status_code" = 500 }'],
    ["http_status_code_text", [["http.status_code", "5xx"]], {}, '{ ."http.status_code" = "5xx" }'],
    ["other_key_exact_string", [["db.system", 'my "db"']], {}, '{ ."db.system" = "my \\"db\\"" }'],
    ["durations_in_whole_milliseconds", [], { minDurationNs: 1500n * MS + 7n, maxDurationNs: 2n * MS }, "{ traceDuration >= 1500ms } && { traceDuration <= 2ms }"],
    ["sub_millisecond_durations_are_no_filter", [], { minDurationNs: 999_999n, maxDurationNs: 5n }, "{ }"],
  ] as const)("%s", (_name, tags, durations, text) => {
    const traceQL = tagSearchTraceQL({ tags, ...durations });
    expect(traceQL).toBe(text);
    expect(() => parseTraceQL(traceQL)).not.toThrow();
  });
});
