import { describe, expect, it } from "vitest";
import { INITIAL_TRACE_VIEW, type TraceViewState } from "@/lib/ui/trace-detail/trace-view-state";
import { traceViewFromUrl, traceViewToUrl } from "@/lib/ui/trace-detail/trace-view-url";

const fromParams = (query: string) => {
  const params = new URLSearchParams(query);
  return traceViewFromUrl((key) => params.get(key));
};

describe("trace view in the URL", () => {
  it("leaves every default out", () => {
    expect(Object.values(traceViewToUrl(INITIAL_TRACE_VIEW)).every((value) => value === null)).toBe(true);
    expect(fromParams("")).toEqual(INITIAL_TRACE_VIEW);
  });

  it("carries the statistics tab, its grouping and its sort", () => {
    const state: TraceViewState = {
      ...INITIAL_TRACE_VIEW,
      spanId: "00f067aa0ba902b7",
      panel: "statistics",
      groupBy: { kind: "attribute", scope: "span", key: "http.route" },
      statisticsSort: { key: "count", dir: "asc" },
    };
    const changes = traceViewToUrl(state);
    expect(changes).toMatchObject({ span: "00f067aa0ba902b7", view: "stats", by: "span.http.route", sort: "count", dir: "asc" });
    const query = new URLSearchParams(Object.entries(changes).filter((entry): entry is [string, string] => entry[1] !== null)).toString();
    expect(fromParams(query)).toEqual(state);
  });

  it("reads an unknown tab, grouping or sort column as the default", () => {
    expect(fromParams("view=sideways&by=colour&sort=colour&dir=up")).toEqual(INITIAL_TRACE_VIEW);
  });

  it("carries the flame graph tab with the selected span and the find box", () => {
    const state: TraceViewState = { ...INITIAL_TRACE_VIEW, spanId: "00f067aa0ba902b7", panel: "flame", find: "payments", critical: true };
    const changes = traceViewToUrl(state);
    expect(changes).toMatchObject({ span: "00f067aa0ba902b7", view: "flame", find: "payments", critical: "1" });
    const query = new URLSearchParams(Object.entries(changes).filter((entry): entry is [string, string] => entry[1] !== null)).toString();
    expect(fromParams(query)).toEqual(state);
  });
});
