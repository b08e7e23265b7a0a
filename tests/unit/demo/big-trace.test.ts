import { describe, expect, it } from "vitest";
import { BIG_TRACE_FANOUT, bigTraceRequests, bigTraceSpanId } from "@/scripts/demo/big-trace";
import { sendBigTrace } from "@/scripts/demo/big-trace-sender";

type Body = { resourceSpans: Array<{ resource: { attributes: Array<{ value: { stringValue: string } }> }; scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
type OtlpSpan = { spanId: string; parentSpanId?: string; startTimeUnixNano: string; endTimeUnixNano: string; status: { code: number } };

const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
const spansOf = (body: object) => (body as Body).resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));

describe("the demo's big trace", () => {
  it.each([
    ["one_request", 7, 10, [7]],
    ["exact_batches", 20, 10, [10, 10]],
    ["a_short_last_batch", 25, 10, [10, 10, 5]],
  ])("%s", (_name, spans, spansPerRequest, sizes) => {
    const bodies = [...bigTraceRequests({ spans, traceId: TRACE_ID, startNs: 1_000_000_000n, spansPerRequest })];
    expect(bodies.map((body) => spansOf(body).length)).toEqual(sizes);
  });

  it("is one tree: unique ids, every parent sent before its children, each child inside its parent's time", () => {
    const count = 5_000;
    const spans = [...bigTraceRequests({ spans: count, traceId: TRACE_ID, startNs: 1_000_000_000n, spansPerRequest: 1_000 })].flatMap(spansOf);
    const byId = new Map<string, OtlpSpan>();
    let misplaced = 0;
    for (const span of spans) {
      const parent = span.parentSpanId === undefined ? undefined : byId.get(span.parentSpanId);
      if (span.parentSpanId !== undefined && (!parent || BigInt(span.startTimeUnixNano) < BigInt(parent.startTimeUnixNano) || BigInt(span.endTimeUnixNano) > BigInt(parent.endTimeUnixNano))) misplaced++;
      byId.set(span.spanId, span);
    }
    expect(byId.size).toBe(count);
    expect(misplaced).toBe(0);
    expect(spans.filter((span) => span.parentSpanId === undefined).map((span) => span.spanId)).toEqual([bigTraceSpanId(0)]);
    expect(spans[BIG_TRACE_FANOUT + 1].parentSpanId).toBe(bigTraceSpanId(1));
    expect(spans.filter((span) => span.status.code === 2)).toHaveLength(Math.floor((count - 1) / 997));
  });

  it("sender waits out a full queue and reports the trace", async () => {
    const answers = [new Response("full", { status: 503, headers: { "retry-after": "0" } }), new Response("{}"), new Response("{}")];
    const sent: number[] = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      sent.push(spansOf(JSON.parse(init.body as string) as object).length);
      return answers.shift()!;
    }) as typeof fetch;
    const report = await sendBigTrace("http://demo/v1/traces", undefined, 15_000, 2_000_000_000_000n, fakeFetch);
    // The first batch twice (refused once), then the rest.
    expect(sent).toEqual([10_000, 10_000, 5_000]);
    expect(report).toMatchObject({ spans: 15_000, requests: 2 });
    expect(report.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("sender stops at an answer it cannot retry", async () => {
    const fakeFetch = (async () => new Response("too large", { status: 413 })) as unknown as typeof fetch;
    await expect(sendBigTrace("http://demo/v1/traces", "t", 10, 2_000_000_000_000n, fakeFetch)).rejects.toThrow("answered 413: too large");
  });
});
