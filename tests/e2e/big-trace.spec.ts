import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { BIG_TRACE_FANOUT, bigTraceRequests, bigTraceSpanId } from "../../scripts/demo/big-trace";

const SPANS = 200_000;

/** The last row depth-first: the last child of the last child ... of the root (children are in index order). */
function lastRowIndex(count: number): number {
  let index = 0;
  while (BIG_TRACE_FANOUT * index + 1 < count) index = Math.min(BIG_TRACE_FANOUT * index + BIG_TRACE_FANOUT, count - 1);
  return index;
}

test.describe("a trace of 200,000 spans", () => {
  test.setTimeout(120_000);

  test("opens, scrolls to its last span, and a selected span loads its detail", async ({ page, request }) => {
    const traceId = randomBytes(16).toString("hex");
    // Sent as the demo's --big-trace sends it: OTLP/JSON batches of 10,000 spans.
    for (const body of bigTraceRequests({ spans: SPANS, traceId, startNs: BigInt(Date.now() - 120_000) * 1_000_000n })) {
      expect((await request.post("/v1/traces", { data: body })).status()).toBe(200);
    }
    // Stored whole: the trace's summary counts every span and each service's.
    const summary = (await (await request.get(`/api/tracing/correlate/${traceId}`)).json()) as { trace: { spanCount: number; services: Array<{ spanCount: number }> } };
    expect(summary.trace.spanCount).toBe(SPANS);
    expect(summary.trace.services.reduce((sum, service) => sum + service.spanCount, 0)).toBe(SPANS);

    const opened = Date.now();
    await page.goto(`/traces/${traceId}`);
    const rows = page.getByTestId("waterfall-row");
    await expect(rows.first()).toHaveAttribute("data-span-id", bigTraceSpanId(0), { timeout: 30_000 });
    test.info().annotations.push({ type: "first rows", description: `${Date.now() - opened} ms after navigation (with the dev tools of the test runner)` });
    await expect(page.getByTestId("trace-span-count")).toHaveText("200000");

    // The root's detail: its attributes at once, its event's attributes read with the span.
    await rows.first().click();
    await expect(page.getByTestId("span-detail-name")).toHaveText("POST /api/imports");
    await expect(page.getByTestId("span-attributes")).toContainText("import.chunk");
    await expect(page.getByTestId("span-event")).toContainText("checkpoint");
    await expect(page.getByTestId("span-event")).toContainText("import.items.done");

    // To the end: the last span depth-first is drawn, and selecting it reads its detail.
    const last = lastRowIndex(SPANS);
    await page.getByTestId("waterfall").evaluate((waterfall) => (waterfall.scrollTop = waterfall.scrollHeight));
    const lastRow = page.locator(`[data-testid="waterfall-row"][data-span-id="${bigTraceSpanId(last)}"]`);
    await expect(lastRow).toBeVisible();
    const detailRead = page.waitForResponse((response) => response.url().includes(`/spans/${bigTraceSpanId(last)}`) && response.status() === 200);
    await lastRow.click();
    await detailRead;
    // Depth 5 of the fan-out (8, 72, 584, 4680, 37448): a database insert.
    await expect(page.getByTestId("span-detail-name")).toHaveText("INSERT items");
    await expect(page.getByTestId("span-attributes")).toContainText(String(last));
    await expect(page.getByTestId("span-detail-loading")).toHaveCount(0);
  });
});
