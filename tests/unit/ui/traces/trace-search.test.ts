import { describe, expect, it } from "vitest";
import { DEFAULT_SEARCH as DEFAULTS } from "./fixtures";
import { draftOf, searchOfDraft, withLookback } from "@/lib/ui/traces/search-draft";
import {
  normalizeTraceId,
  operationOptions,
  readTraceSearch,
  searchWindow,
  traceSearchUrlChanges,
  type TraceSearch,
} from "@/lib/ui/traces/trace-search";

describe("readTraceSearch", () => {
  it.each([
    ["empty_url_is_the_defaults", "", DEFAULTS],
    [
      "every_field",
      "service=checkout&operation=GET+%2Fcart&tags=error%3Dtrue&tags=customer%3D%22Acme+Inc%22&minDuration=100ms&maxDuration=2s&spanDuration=true&range=6h&limit=50&includeSelf=true",
      {
        ...DEFAULTS,
        service: "checkout",
        operation: "GET /cart",
        tags: [
          { key: "error", value: "true" },
          { key: "customer", value: "Acme Inc" },
        ],
        minDuration: "100ms",
        maxDuration: "2s",
        spanDuration: true,
        lookback: "6h",
        limit: 50,
        includeSelf: true,
      },
    ],
    ["range_preset", "range=24h", { ...DEFAULTS, lookback: "24h" }],
    ["old_lookback_links_still_read", "lookback=6h", { ...DEFAULTS, lookback: "6h" }],
    ["range_wins_over_an_old_lookback", "range=15m&lookback=6h", { ...DEFAULTS, lookback: "15m" }],
    ["start_and_end_in_unix_ms_are_a_custom_range", "start=1795687200000&end=1795690800000", { ...DEFAULTS, lookback: "custom", start: "2026-11-26T10:00:00.000Z", end: "2026-11-26T11:00:00.000Z" }],
    ["a_reversed_range_is_the_default", "start=2026-11-26T11%3A00%3A00Z&end=2026-11-26T10%3A00%3A00Z", DEFAULTS],
    [
      "custom_range",
      "lookback=custom&start=2026-11-26T10%3A00%3A00.000Z&end=2026-11-26T11%3A00%3A00.000Z",
      { ...DEFAULTS, lookback: "custom", start: "2026-11-26T10:00:00.000Z", end: "2026-11-26T11:00:00.000Z" },
    ],
    ["custom_without_an_end_falls_back_to_the_default_lookback", "lookback=custom&start=2026-11-26T10%3A00%3A00Z", DEFAULTS],
    ["unknown_lookback_is_the_default", "lookback=3w", DEFAULTS],
    ["malformed_tag_is_dropped", "tags=novalue&tags=a%3D1", { ...DEFAULTS, tags: [{ key: "a", value: "1" }] }],
    ["one_parameter_may_hold_several_pairs", "tags=a%3D1+b%3D2", { ...DEFAULTS, tags: [{ key: "a", value: "1" }, { key: "b", value: "2" }] }],
    ["limit_above_the_maximum_is_capped", "limit=99999", { ...DEFAULTS, limit: 1500 }],
    ["malformed_limit_is_the_default", "limit=-3", DEFAULTS],
  ])("%s", (_name, query, search) => {
    expect(readTraceSearch(new URLSearchParams(query))).toEqual(search);
  });
});

describe("traceSearchUrlChanges", () => {
  function urlOf(search: TraceSearch): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(traceSearchUrlChanges(search))) {
      for (const item of Array.isArray(value) ? value : [value]) if (item) params.append(key, item);
    }
    return params.toString();
  }

  it("defaults_leave_the_url_empty", () => {
    expect(urlOf(DEFAULTS)).toBe("");
  });

  it.each([
    ["a_preset_is_range", { ...DEFAULTS, lookback: "7d" as const }, "range=7d"],
    ["a_custom_range_is_start_and_end", { ...DEFAULTS, lookback: "custom" as const, start: "2026-11-26T10:00:00.000Z", end: "2026-11-26T11:00:00.000Z" }, "start=2026-11-26T10%3A00%3A00.000Z&end=2026-11-26T11%3A00%3A00.000Z"],
    ["own_traces_shown", { ...DEFAULTS, includeSelf: true }, "includeSelf=true"],
  ])("%s", (_name, search, url) => {
    expect(urlOf(search)).toBe(url);
  });

  it("operation_without_a_service_is_dropped", () => {
    expect(urlOf({ ...DEFAULTS, operation: "GET /" })).toBe("");
  });

  it.each([
    ["filters", { ...DEFAULTS, service: "api", operation: "GET /", tags: [{ key: "q", value: "a b" }], minDuration: " 5ms ", spanDuration: true, limit: 100 }],
    ["custom_range", { ...DEFAULTS, lookback: "custom" as const, start: "2026-11-26T10:00:00.000Z", end: "2026-11-26T11:00:00.000Z" }],
    ["lookback", { ...DEFAULTS, lookback: "7d" as const }],
    ["include_self", { ...DEFAULTS, includeSelf: true }],
  ])("%s_round_trip_through_the_url", (_name, search) => {
    expect(readTraceSearch(new URLSearchParams(urlOf(search)))).toEqual({ ...search, minDuration: search.minDuration.trim() });
  });
});

describe("searchWindow", () => {
  const now = Date.UTC(2026, 10, 26, 12);
  it.each([
    ["last_15_minutes", { ...DEFAULTS, lookback: "15m" as const }, now - 15 * 60_000, now],
    ["last_7_days", { ...DEFAULTS, lookback: "7d" as const }, now - 7 * 86_400_000, now],
    [
      "custom_range_ignores_now",
      { ...DEFAULTS, lookback: "custom" as const, start: "2026-11-20T00:00:00Z", end: "2026-11-21T00:00:00Z" },
      Date.UTC(2026, 10, 20),
      Date.UTC(2026, 10, 21),
    ],
  ])("%s", (_name, search, startMs, endMs) => {
    expect(searchWindow(search, now)).toEqual({ startMs, endMs });
  });
});

describe("searchOfDraft", () => {
  it("a_valid_draft_is_its_search", () => {
    const search = { ...DEFAULTS, service: "api", tags: [{ key: "customer", value: "Acme Inc" }], minDuration: "1.5s" };
    expect(searchOfDraft(draftOf(search))).toEqual({ ok: true, search });
  });

  it.each([
    ["tags_without_value", { tagsText: "error" }, ["tags"]],
    ["malformed_min_duration", { minDuration: "fast" }, ["minDuration"]],
    ["malformed_max_duration", { maxDuration: "5 days" }, ["maxDuration"]],
    ["min_above_max", { minDuration: "2s", maxDuration: "500ms" }, ["maxDuration"]],
    ["custom_range_without_end", { lookback: "custom" as const, start: "2026-11-26T10:00:00Z" }, ["range"]],
    ["reversed_custom_range", { lookback: "custom" as const, start: "2026-11-26T12:00:00Z", end: "2026-11-26T10:00:00Z" }, ["range"]],
  ])("%s_is_a_problem", (_name, change, fields) => {
    const result = searchOfDraft({ ...draftOf(DEFAULTS), ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual(fields);
  });
});

describe("withLookback", () => {
  const now = Date.UTC(2026, 10, 26, 12);
  it("switching_to_custom_starts_from_the_current_window", () => {
    const draft = withLookback(draftOf({ ...DEFAULTS, lookback: "6h" }), "custom", now);
    expect(draft).toMatchObject({ lookback: "custom", start: new Date(now - 6 * 3_600_000).toISOString(), end: new Date(now).toISOString() });
  });

  it("an_existing_custom_range_is_kept", () => {
    const draft = withLookback({ ...draftOf(DEFAULTS), start: "2026-01-01T00:00:00.000Z", end: "2026-01-02T00:00:00.000Z" }, "custom", now);
    expect(draft).toMatchObject({ start: "2026-01-01T00:00:00.000Z", end: "2026-01-02T00:00:00.000Z" });
  });

  it("a_preset_lookback_just_changes_the_lookback", () => {
    expect(withLookback(draftOf(DEFAULTS), "24h", now)).toEqual({ ...draftOf(DEFAULTS), lookback: "24h" });
  });
});

describe("normalizeTraceId", () => {
  it.each([
    ["lowercase_32", "4bf92f3577b34da6a3ce929d0e0e4736", "4bf92f3577b34da6a3ce929d0e0e4736"],
    ["uppercase_with_spaces", "  4BF92F3577B34DA6A3CE929D0E0E4736 \n", "4bf92f3577b34da6a3ce929d0e0e4736"],
    ["sixteen_digits_are_padded", "a3ce929d0e0e4736", "0000000000000000a3ce929d0e0e4736"],
  ])("%s", (_name, text, id) => {
    expect(normalizeTraceId(text)).toBe(id);
  });

  it.each([
    ["empty", ""],
    ["too_short", "abc123"],
    ["not_hex", "zzf92f3577b34da6a3ce929d0e0e4736"],
    ["all_zeros", "0".repeat(32)],
    ["a_path", "/traces/4bf92f3577b34da6a3ce929d0e0e4736"],
  ])("%s_is_null", (_name, text) => {
    expect(normalizeTraceId(text)).toBeNull();
  });
});

describe("operationOptions", () => {
  it("merges_the_kinds_of_one_span_name", () => {
    expect(
      operationOptions([
        { name: "GET /", spanKind: "server" },
        { name: "GET /", spanKind: "client" },
        { name: "SELECT", spanKind: "client" },
        { name: "GET /", spanKind: "server" },
      ]),
    ).toEqual([
      { name: "GET /", spanKinds: ["server", "client"] },
      { name: "SELECT", spanKinds: ["client"] },
    ]);
  });

  it("none_is_none", () => {
    expect(operationOptions([])).toEqual([]);
  });
});
