import { describe, expect, it } from "vitest";
import { findSpansByTraceQL, isTraceQLFind } from "@/lib/waterfall/find-traceql";
import type { WaterfallSpan } from "@/lib/waterfall/waterfall-trace";

const T0 = 1_800_000_000_000_000_000n;

function span(id: string, parent: string | null, fields: Partial<WaterfallSpan>): WaterfallSpan {
  return {
    spanId: id.padEnd(16, "0"),
    parentSpanId: parent && parent.padEnd(16, "0"),
    name: id,
    service: "frontend",
    kind: "internal",
    status: "unset",
    statusMessage: null,
    startTimeUnixNano: T0.toString(),
    startMs: 0,
    durationMs: 1,
    attributes: {},
    resourceAttributes: { "service.name": fields.service ?? "frontend" },
    events: [],
    links: [],
    traceState: null,
    scope: null,
    orphan: false,
    ...fields,
  };
}

/** Rows: 0 root (server, 120 ms), 1 cart (child), 2 db (grandchild, client, error), 3 pay (child, error, 53.5 ms). */
const SPANS = [
  span("root", null, { kind: "server", durationMs: 120 }),
  span("cart", "root", { service: "cart", durationMs: 38 }),
  span("db", "cart", { service: "cart", kind: "client", status: "error", durationMs: 30, attributes: { "db.system": "sqlite" } }),
  span("pay", "root", { service: "payments", status: "error", statusMessage: "card declined", durationMs: 53.5, attributes: { "payment.amount": { double: 12.5 } } }),
];

describe("findSpansByTraceQL", () => {
  it.each([
    ["status", "{ status = error }", [2, 3]],
    ["kind", "{ kind = server }", [0]],
    ["duration_with_a_fraction_of_a_millisecond", "{ duration > 53ms && duration < 54ms }", [3]],
    ["resource_attribute", '{ resource.service.name = "cart" }', [1, 2]],
    ["typed_attribute", "{ span.payment.amount > 10 }", [3]],
    ["status_message", '{ statusMessage =~ "card.*" }', [3]],
    ["structural", '{ resource.service.name = "cart" } >> { status = error }', [2]],
    ["root_name", '{ rootName = "root" && status = error }', [2, 3]],
    ["no_match", '{ name = "nope" }', []],
  ])("%s", (_name, query, rows) => {
    expect(findSpansByTraceQL(SPANS, query)).toEqual({ rows: new Set(rows), error: null });
  });

  it("a_refused_query_gives_the_parser_message", () => {
    expect(findSpansByTraceQL(SPANS, '{ status = "error" }')).toEqual({ rows: new Set(), error: "cannot compare status with string at line 1, column 10" });
    expect(findSpansByTraceQL(SPANS, "{ } | count() > 1").error).toMatch(/pipelines/);
  });

  it.each([
    ["{ status = error }", true],
    ["  ({ } >> { })", true],
    ["checkout error", false],
    ["http.route=/a", false],
  ])("isTraceQLFind(%j)", (text, expected) => {
    expect(isTraceQLFind(text)).toBe(expected);
  });
});
