import { beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { MS, spanRecord } from "./span-records";

const T0 = 1_795_800_000_000_000_000n;
const TRACES = 57;
const WINDOW = `start=${T0 / MS}&end=${T0 / MS + 60_000n}`;

interface Page {
  traces: Array<{ traceId: string; startTimeUnixNano: string }>;
  nextCursor: string | null;
}

describeOnEachDatabase("GET /api/tracing/traces pagination and bad input", ({ app }) => {
  // Starts in groups of up to 6 equal times, so pages end inside groups of ties.
  const traces = Array.from({ length: TRACES }, (_, i) => ({ traceId: newTraceId(), start: T0 + BigInt(Math.floor(i / 6)) * MS }));

  beforeAll(async () => {
    await app.modules.getSpanStore().writeSpans(traces.map(({ traceId, start }) => spanRecord({ traceId, spanId: spanIdOf(1), start })));
  });

  async function allPages(query: string): Promise<Page["traces"]> {
    const seen: Page["traces"] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages <= TRACES; pages++) {
      const answer = await app.send(`/api/tracing/traces?${WINDOW}&${query}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(answer.status, answer.body.toString()).toBe(200);
      const page = answer.json() as Page;
      seen.push(...page.traces);
      cursor = page.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error("more pages than traces");
  }

  const listOrder = [...traces].sort((a, b) => (a.start !== b.start ? (a.start > b.start ? -1 : 1) : a.traceId > b.traceId ? -1 : 1));

  it.each([
    ["limit_10_trace_level", "limit=10"],
    ["limit_7_with_a_span_level_filter", "limit=7&operation=op"],
    ["limit_1_with_a_service", "limit=1&service=web"],
  ])("%s_returns_every_trace_exactly_once_in_order", async (_name, query) => {
    const seen = await allPages(query);
    expect(seen.map((trace) => trace.traceId)).toEqual(listOrder.map((trace) => trace.traceId));
  });

  it("last_page_exactly_full_has_no_next_cursor", async () => {
    const answer = await app.send(`/api/tracing/traces?${WINDOW}&limit=${TRACES}`);
    const page = answer.json() as Page;
    expect(page.traces).toHaveLength(TRACES);
    expect(page.nextCursor).toBeNull();
  });

  it.each([
    ["bad_duration", "minDuration=fast", /minDuration: invalid duration "fast"/],
    ["bad_kind_lists_valid_values", "kind=serverr", /kind: .*"unspecified".*"internal".*"server".*"client".*"producer".*"consumer"/],
    ["bad_status", "status=failed", /status: .*"unset".*"ok".*"error"/],
    ["limit_over_1500", "limit=1501", /limit: .*1500/],
    ["limit_zero", "limit=0", /limit: /],
    ["limit_not_a_number", "limit=ten", /limit: /],
    ["malformed_cursor", "cursor=bm9wZQ", /cursor: malformed cursor/],
    ["start_after_end", "start=2026-11-26T18:00:00Z&end=2026-11-26T17:00:00Z", /start: start must not be after end/],
    ["bad_time", "start=yesterday", /start: invalid time "yesterday"/],
    ["min_above_max_duration", "minDuration=2s&maxDuration=1s", /minDuration: minDuration must not be above maxDuration/],
    ["tag_without_value", "tags=error", /tags: invalid tags: tag "error" has no value/],
    ["tag_unterminated_quote", `tags=${encodeURIComponent('http.route="/a')}`, /tags: invalid tags: unterminated quote/],
    ["span_duration_not_a_boolean", "spanDuration=yes", /spanDuration: /],
    ["service_repeated", "service=a&service=b", /service: /],
  ])("%s_is_a_400", async (_name, query, message) => {
    const answer = await app.send(`/api/tracing/traces?${query}`);
    expect(answer.status).toBe(400);
    const body = answer.json() as { error: { code: string; message: string; details: unknown[] } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(message);
  });
});
