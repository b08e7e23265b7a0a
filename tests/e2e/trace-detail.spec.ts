import { expect, test } from "@playwright/test";
import { seedTrace, uniqueService, type SeedSpan } from "./support/seed-traces";
import { checkoutSpans, checkWaterfallOfCheckout, rowOf, waterfallRows } from "./support/waterfall";

test.describe("trace detail", () => {
  test("the waterfall shows one row per span; collapse, span detail and find work", async ({ page, request }, testInfo) => {
    const trace = await seedTrace(request, checkoutSpans(uniqueService("detail")));
    await page.goto(`/traces/${trace.traceId}`);
    await expect(page.getByTestId("trace-title")).toContainText("GET /checkout");
    await expect(page.getByTestId("trace-duration")).toHaveText("120ms");
    await checkWaterfallOfCheckout(page, trace);
    await page.screenshot({ path: testInfo.outputPath("trace-detail.png"), fullPage: true });
    await page.getByTestId("critical-path").check();
    await rowOf(page, trace, "pay").click();
    await page.screenshot({ path: testInfo.outputPath("trace-detail-critical-path.png"), fullPage: true });
  });

  test("the selected span, find and critical path survive a reload (URL state)", async ({ page, request }) => {
    const trace = await seedTrace(request, checkoutSpans(uniqueService("url")));
    await page.goto(`/traces/${trace.traceId}`);
    await rowOf(page, trace, "gateway").click();
    await page.getByTestId("find-input").fill("cart");
    await page.getByTestId("critical-path").check();
    await expect(page).toHaveURL(new RegExp(`span=${trace.spanIds.gateway}.*find=cart|find=cart.*span=${trace.spanIds.gateway}`));
    await expect(page).toHaveURL(/critical=1/);
    await page.reload();
    await expect(page.getByTestId("span-detail-name")).toHaveText("POST /charge");
    await expect(page.getByTestId("find-input")).toHaveValue("cart");
    await expect(page.getByTestId("match-count")).toHaveText("2 matches");
    await expect(page.getByTestId("critical-section").first()).toBeVisible();
  });

  test("find in trace takes a TraceQL query and shows the parser's error", async ({ page, request }) => {
    const service = uniqueService("findql");
    const trace = await seedTrace(request, checkoutSpans(service));
    await page.goto(`/traces/${trace.traceId}`);
    const findInput = page.getByTestId("find-input");
    await findInput.fill("{ status = error }");
    await expect(page.getByTestId("match-count")).toHaveText("1 match");
    await findInput.fill(`{ name = "charge card" } > { }`);
    await expect(page.getByTestId("match-count")).toHaveText("2 matches");
    await page.getByTestId("only-matches").check();
    await expect(waterfallRows(page)).toHaveCount(2);
    await expect(rowOf(page, trace, "fraud")).toBeVisible();
    await expect(rowOf(page, trace, "gateway")).toBeVisible();
    await page.getByTestId("only-matches").uncheck();
    await findInput.fill('{ status = "error" }');
    await expect(page.getByTestId("find-error")).toHaveText("cannot compare status with string at line 1, column 10");
    await expect(page.getByTestId("match-count")).toHaveCount(0);
    await expect(findInput).toHaveAttribute("aria-invalid", "true");
    await findInput.fill(`{ resource.service.name = "${service}-payments" }`);
    await expect(page.getByTestId("find-error")).toHaveCount(0);
    await expect(page.getByTestId("match-count")).toHaveText("2 matches");
  });

  test("critical path marks the chain the trace's end waited for", async ({ page, request }) => {
    const trace = await seedTrace(request, checkoutSpans(uniqueService("critical")));
    await page.goto(`/traces/${trace.traceId}`);
    await page.getByTestId("critical-path").check();
    // The checkout runs its steps one after another, so every span is on the path: the root
    // between its children (4 stretches), the payment around its fraud check and gateway call (3).
    const sections = (id: string) => rowOf(page, trace, id).getByTestId("critical-section");
    await expect(sections("root")).toHaveCount(4);
    await expect(sections("pay")).toHaveCount(3);
    for (const id of ["auth", "db", "fraud", "gateway"]) await expect(sections(id)).toHaveCount(1);
    await page.getByTestId("critical-path").uncheck();
    await expect(page.getByTestId("critical-section")).toHaveCount(0);
  });

  test("keyboard: arrows move, left/right fold, enter opens the span", async ({ page, request }) => {
    const trace = await seedTrace(request, checkoutSpans(uniqueService("keys")));
    await page.goto(`/traces/${trace.traceId}`);
    await page.getByTestId("waterfall").focus();
    await expect(rowOf(page, trace, "root")).toHaveAttribute("data-focused", "true");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(rowOf(page, trace, "cart")).toHaveAttribute("data-focused", "true");
    await page.keyboard.press("ArrowLeft");
    await expect(waterfallRows(page)).toHaveCount(6);
    await page.keyboard.press("ArrowRight");
    await expect(waterfallRows(page)).toHaveCount(7);
    await page.keyboard.press("ArrowRight");
    await expect(rowOf(page, trace, "db")).toHaveAttribute("data-focused", "true");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("span-detail-name")).toHaveText("SELECT cart_items");
    await page.keyboard.press("ArrowLeft");
    await expect(rowOf(page, trace, "cart")).toHaveAttribute("data-focused", "true");
  });

  test("Download OTLP JSON gives the trace in OTLP", async ({ page, request }) => {
    const trace = await seedTrace(request, checkoutSpans(uniqueService("otlp")));
    await page.goto(`/traces/${trace.traceId}`);
    const download = page.waitForEvent("download");
    await page.getByTestId("download-otlp").click();
    const file = await download;
    const { createReadStream } = await import("node:fs");
    const chunks: Buffer[] = [];
    for await (const chunk of createReadStream((await file.path())!)) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> };
    expect(body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans))).toHaveLength(7);
  });

  test("an unknown trace says so", async ({ page }) => {
    await page.goto("/traces/0123456789abcdef0123456789abcdef");
    await expect(page.getByText("No trace with this id")).toBeVisible();
  });

  test("a 10,000-span trace with a 3,000-deep chain opens, renders only the rows in view and scrolls to its end", async ({ page, request }) => {
    test.setTimeout(120_000);
    const service = uniqueService("big");
    const spans: SeedSpan[] = [{ id: "s0", service, name: "root", startMs: 0, durationMs: 10_000 }];
    for (let i = 1; i < 10_000; i++) {
      const parent = i <= 3000 ? `s${i - 1}` : `s${i % 50}`;
      spans.push({ id: `s${i}`, parent, service: `${service}-${i % 7}`, name: `op ${i}`, startMs: i * 0.5, durationMs: 5 });
    }
    const trace = await seedTrace(request, spans);
    await page.goto(`/traces/${trace.traceId}`);
    await expect(page.getByTestId("trace-span-count")).toHaveText("10000", { timeout: 30_000 });
    await expect(page.getByTestId("waterfall")).toHaveAttribute("data-row-count", "10000");
    expect(await waterfallRows(page).count()).toBeLessThan(100);
    await page.getByTestId("waterfall").evaluate((element) => (element.scrollTop = element.scrollHeight));
    await expect(waterfallRows(page).last()).toBeVisible();
    const lastId = await waterfallRows(page).last().getAttribute("data-span-id");
    expect(Object.values(trace.spanIds)).toContain(lastId);
    await page.getByRole("button", { name: "Collapse all" }).click();
    await expect(waterfallRows(page)).toHaveCount(1);
  });
});
