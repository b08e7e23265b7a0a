import { describe, expect, it } from "vitest";
import type { SpanLink } from "@/lib/domain/span-record";
import { incomingLinks, outgoingLinks } from "@/lib/query/traces/span-link-entries";
import type { LinkSpan } from "@/lib/store/read/link-spans";

const T0 = 1_796_000_000_000_000_000n;
const TARGET = { traceId: "a".repeat(32), spanId: "1".repeat(16) };
const OTHER = { traceId: "a".repeat(32), spanId: "2".repeat(16) };

const link = (to: { traceId: string; spanId: string }, attributes: SpanLink["attributes"] = {}): SpanLink => ({ ...to, traceState: null, attributes });
const stored = (traceId: string, spanId: string, start: bigint, links: SpanLink[] = []): LinkSpan => ({
  traceId,
  spanId,
  serviceName: "svc",
  name: `op ${spanId}`,
  startTimeNs: start,
  endTimeNs: start + 1_500_000n,
  links,
});

describe("outgoingLinks", () => {
  it.each([
    ["stored_target_resolved", [stored(TARGET.traceId, TARGET.spanId, T0)], `op ${TARGET.spanId}`],
    ["target_not_stored_null", [], null],
    ["same_span_id_in_another_trace_not_taken", [stored("b".repeat(32), TARGET.spanId, T0)], null],
  ])("%s", (_name, targets, name) => {
    const [only] = outgoingLinks([link(TARGET, { k: 1 })], targets);
    expect(only).toMatchObject({ ...TARGET, attributes: { k: 1 }, traceState: null });
    expect(only.span?.name ?? null).toBe(name);
    if (only.span) expect(only.span).toEqual({ ...TARGET, serviceName: "svc", name, startTimeUnixNano: T0.toString(), durationMs: 1.5 });
  });
});

describe("incomingLinks", () => {
  it.each([
    ["candidate_without_a_link_to_the_target_dropped", [stored("c".repeat(32), "3".repeat(16), T0, [link(OTHER)])], []],
    ["one_entry_per_link", [stored("c".repeat(32), "3".repeat(16), T0, [link(TARGET, { n: 1 }), link(OTHER), link(TARGET, { n: 2 })])], ["3 {\"n\":1}", "3 {\"n\":2}"]],
    [
      "by_start_then_ids",
      [
        stored("d".repeat(32), "5".repeat(16), T0 + 2n, [link(TARGET)]),
        stored("d".repeat(32), "4".repeat(16), T0 + 2n, [link(TARGET)]),
        stored("c".repeat(32), "6".repeat(16), T0 + 1n, [link(TARGET)]),
      ],
      ["6 {}", "4 {}", "5 {}"],
    ],
  ])("%s", (_name, candidates, expected) => {
    expect(incomingLinks(candidates, TARGET).map((entry) => `${entry.spanId[0]} ${JSON.stringify(entry.attributes)}`)).toEqual(expected);
  });
});
