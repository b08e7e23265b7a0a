import { expect, test } from "@playwright/test";
import { otlpTrace } from "./support/seed-traces";
import { checkoutSpans, checkWaterfallOfCheckout, waterfallRows } from "./support/waterfall";

test.describe("open a trace file", () => {
  test("an OTLP JSON file shows its trace in the waterfall without storing it", async ({ page, request }, testInfo) => {
    const trace = otlpTrace(checkoutSpans("file"));
    await page.goto("/open");
    await page.getByTestId("trace-file-input").setInputFiles({
      name: "checkout.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(trace.body)),
    });
    await expect(page.getByTestId("trace-file-summary")).toContainText("OTLP JSON, 1 trace");
    await expect(page.getByTestId("trace-title")).toContainText("GET /checkout");
    await checkWaterfallOfCheckout(page, trace);
    await page.screenshot({ path: testInfo.outputPath("open-trace-file.png"), fullPage: true });

    // Viewing is not storing.
    expect((await request.get(`/api/tracing/traces/${trace.traceId}`)).status()).toBe(404);
  });

  test("a Zipkin v2 JSON file shows its trace", async ({ page }) => {
    const traceId = "5af7183fb1d4cf5f5af7183fb1d4cf5f";
    const micros = Date.now() * 1000;
    const zipkin = [
      { traceId, id: "6b221d5bc9e6496c", name: "get /api", timestamp: micros, duration: 150_000, kind: "SERVER", localEndpoint: { serviceName: "zipkin-web" } },
      { traceId, parentId: "6b221d5bc9e6496c", id: "5b4185666d50f68b", name: "query", timestamp: micros + 10_000, duration: 50_000, kind: "CLIENT", localEndpoint: { serviceName: "zipkin-db" }, tags: { "sql.query": "select 1" }, annotations: [{ timestamp: micros + 20_000, value: "rows read" }] },
    ];
    await page.goto("/open");
    await page.getByTestId("trace-file-input").setInputFiles({ name: "zipkin.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(zipkin)) });
    await expect(page.getByTestId("trace-file-summary")).toContainText("Zipkin v2 JSON, 1 trace");
    await expect(waterfallRows(page)).toHaveCount(2);
    await waterfallRows(page).nth(1).click();
    await expect(page.getByTestId("span-attributes")).toContainText("select 1");
    await expect(page.getByTestId("span-event")).toContainText("rows read");
    await expect(page.getByTestId("span-event")).toContainText("+10ms");
  });

  test("a file that is not a trace says why", async ({ page }) => {
    await page.goto("/open");
    await page.getByTestId("trace-file-input").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello": "world"}') });
    await expect(page.getByRole("alert").filter({ hasText: "Not a trace file" })).toBeVisible();
    await page.getByTestId("trace-file-input").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{nope") });
    await expect(page.getByRole("alert").filter({ hasText: "Malformed JSON" })).toBeVisible();
  });
});
