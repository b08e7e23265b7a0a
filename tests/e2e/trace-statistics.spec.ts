import { expect, test, type Page } from "@playwright/test";
import { seedTrace, uniqueService, type SeedSpan } from "./support/seed-traces";
import { checkoutSpans, rowOf } from "./support/waterfall";

/**
 * The checkout trace (120ms; the root's children run one after another), whose self times
 * are worked out by hand: frontend 120 - (15 + 38 + 53) = 14; cart's "load cart" 38 - 30 = 8
 * and its query 30; payments' "charge card" 53 - (10 + 34) = 9 and its fraud check 10.
 */
const statisticsRow = (page: Page, label: string, level: 1 | 2 = 1) => page.locator(`[data-testid="statistics-row"][data-level="${level}"][data-label="${label}"]`);
const cell = (page: Page, label: string, column: string, level: 1 | 2 = 1) => statisticsRow(page, label, level).locator(`[data-column="${column}"]`);
const firstLabels = (page: Page) => page.locator('[data-testid="statistics-row"][data-level="1"]').evaluateAll((rows) => rows.map((row) => row.getAttribute("data-label")));

test.describe("trace statistics", () => {
  test("count, total, self and critical-path time per group; sorting; grouping by an attribute; a reload keeps the view", async ({ page, request }, testInfo) => {
    const prefix = uniqueService("stats");
    const trace = await seedTrace(request, checkoutSpans(prefix));
    await page.goto(`/traces/${trace.traceId}`);
    await page.getByTestId("tab-statistics").click();
    await expect(page.getByTestId("statistics-panel")).toBeVisible();
    await expect(page).toHaveURL(/view=stats/);

    // Grouped by service and operation (the default): each service, its operations beneath it.
    await expect(page.getByTestId("statistics-summary")).toContainText("7 spans in 5 groups");
    await expect(cell(page, `${prefix}-cart`, "count")).toHaveText("2");
    await expect(cell(page, `${prefix}-cart`, "totalMs")).toHaveText(/^68ms/);
    await expect(cell(page, `${prefix}-cart`, "selfMs")).toHaveText("38ms32%");
    await expect(cell(page, "load cart", "selfMs", 2)).toHaveText(/^8ms/);
    await expect(cell(page, "SELECT cart_items", "selfMs", 2)).toHaveText(/^30ms/);
    await expect(cell(page, `${prefix}-payments`, "selfMs")).toHaveText(/^19ms/);
    await expect(cell(page, `${prefix}-payments`, "minMs")).toHaveText("10ms");
    await expect(cell(page, `${prefix}-payments`, "maxMs")).toHaveText("53ms");
    await expect(cell(page, `${prefix}-payments`, "avgMs")).toHaveText("31.5ms");
    await expect(cell(page, `${prefix}-frontend`, "selfMs")).toHaveText("14ms12%");
    // Every span of this trace is on the critical path, so a group's critical time is its self time.
    await expect(cell(page, `${prefix}-cart`, "criticalMs")).toHaveText("38ms32%");
    await page.screenshot({ path: testInfo.outputPath("trace-statistics.png"), fullPage: true });

    // Sorted by self time, biggest first; a header click sorts by its column, a second click reverses.
    const selfHeader = page.locator('th:has(button[data-sort-key="selfMs"])');
    await expect(selfHeader).toHaveAttribute("aria-sort", "descending");
    expect(await firstLabels(page)).toEqual(["cart", "gateway", "payments", "auth", "frontend"].map((name) => `${prefix}-${name}`));
    await page.locator('button[data-sort-key="count"]').click();
    const countHeader = page.locator('th:has(button[data-sort-key="count"])');
    await expect(countHeader).toHaveAttribute("aria-sort", "descending");
    await expect(selfHeader).toHaveAttribute("aria-sort", "none");
    expect(await firstLabels(page)).toEqual(["cart", "payments", "frontend", "auth", "gateway"].map((name) => `${prefix}-${name}`));
    await page.locator('button[data-sort-key="count"]').click();
    await expect(countHeader).toHaveAttribute("aria-sort", "ascending");
    expect((await firstLabels(page)).slice(-2)).toEqual([`${prefix}-cart`, `${prefix}-payments`]);

    // Grouped by an attribute key: the spans without it are a group of their own.
    await page.getByTestId("group-by").selectOption("attribute");
    await page.getByTestId("group-by-key").selectOption("span.payment.currency");
    await expect(page.locator('[data-testid="statistics-row"]')).toHaveCount(2);
    await expect(cell(page, "EUR", "count")).toHaveText("1");
    await expect(cell(page, "EUR", "selfMs")).toHaveText(/^9ms/);
    await expect(cell(page, "(no span.payment.currency)", "count")).toHaveText("6");
    await expect(page).toHaveURL(/by=span\.payment\.currency/);
    await expect(page).toHaveURL(/sort=count&dir=asc|dir=asc.*sort=count/);

    await page.reload();
    await expect(page.getByTestId("statistics-panel")).toBeVisible();
    await expect(page.getByTestId("tab-statistics")).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("group-by-key")).toHaveValue("span.payment.currency");
    await expect(countHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(cell(page, "(no span.payment.currency)", "count")).toHaveText("6");
  });

  test("a group's name finds its spans in the waterfall, keeping the selected span; the tabs and headers work from the keyboard", async ({ page, request }) => {
    const prefix = uniqueService("statsfind");
    const trace = await seedTrace(request, checkoutSpans(prefix));
    await page.goto(`/traces/${trace.traceId}`);
    await rowOf(page, trace, "db").click();
    await expect(page.getByTestId("span-detail-name")).toHaveText("SELECT cart_items");

    // Arrow keys move between the tabs: the flame graph, then the statistics.
    await page.getByTestId("tab-waterfall").focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("flame-graph")).toBeVisible();
    await expect(page.getByTestId("tab-flame")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("statistics-panel")).toBeVisible();
    await expect(page.getByTestId("tab-statistics")).toBeFocused();
    // The group holding the selected span is marked.
    await expect(statisticsRow(page, `${prefix}-cart`)).toHaveAttribute("data-selected", "true");
    await expect(statisticsRow(page, "SELECT cart_items", 2)).toHaveAttribute("data-selected", "true");
    await expect(statisticsRow(page, "load cart", 2)).not.toHaveAttribute("data-selected", "true");

    // A header sorts with Enter.
    await page.locator('button[data-sort-key="name"]').focus();
    await page.keyboard.press("Enter");
    await expect(page.locator('th:has(button[data-sort-key="name"])')).toHaveAttribute("aria-sort", "descending");

    // The name of the payments service, from the keyboard: the waterfall comes back with its two spans found.
    await statisticsRow(page, `${prefix}-payments`).getByTestId("statistics-find").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("waterfall")).toBeVisible();
    await expect(page.getByTestId("find-input")).toHaveValue(`{ resource.service.name = "${prefix}-payments" }`);
    await expect(page.getByTestId("match-count")).toHaveText("2 matches");
    await expect(rowOf(page, trace, "pay")).toHaveAttribute("data-match", "true");
    await expect(rowOf(page, trace, "fraud")).toHaveAttribute("data-match", "true");
    await expect(page.getByTestId("span-detail-name")).toHaveText("SELECT cart_items");

    // An operation under a service finds that operation only.
    await page.getByTestId("tab-statistics").click();
    await statisticsRow(page, "fraud check", 2).getByTestId("statistics-find").click();
    await expect(page.getByTestId("match-count")).toHaveText("1 match");
    await expect(rowOf(page, trace, "fraud")).toHaveAttribute("data-match", "true");
  });

  test("a 5,000-span trace: grouped by a key with a value per span, the first 500 lines are drawn and the rest counted", async ({ page, request }) => {
    const service = uniqueService("statsbig");
    const spans: SeedSpan[] = [{ id: "s0", service, name: "root", startMs: 0, durationMs: 5_000, attributes: { "request.id": "r0" } }];
    for (let i = 1; i < 5_000; i++) {
      spans.push({ id: `s${i}`, parent: "s0", service: `${service}-${i % 5}`, name: `op ${i % 10}`, startMs: i, durationMs: 2, attributes: { "request.id": `r${i}` } });
    }
    const trace = await seedTrace(request, spans);
    await page.goto(`/traces/${trace.traceId}?view=stats&by=service`);
    await expect(page.getByTestId("statistics-summary")).toContainText("5,000 spans in 6 groups", { timeout: 30_000 });
    await expect(cell(page, `${service}-1`, "count")).toHaveText("1,000");
    await page.getByTestId("group-by").selectOption("attribute");
    await page.getByTestId("group-by-key").selectOption("span.request.id");
    await expect(page.getByTestId("statistics-hidden")).toContainText("4,500 more lines not shown");
    // The table holds 500 lines (and its header) but renders those in view; the last comes into view at the end of the page.
    await expect(page.getByTestId("statistics-table")).toHaveAttribute("aria-rowcount", "501");
    await expect(page.locator('[data-testid="statistics-row"][aria-rowindex="2"]')).toBeVisible();
    expect(await page.locator('[data-testid="statistics-row"]').count()).toBeLessThan(100);
    await page.getByTestId("statistics-hidden").scrollIntoViewIfNeeded();
    await expect(page.locator('[data-testid="statistics-row"][aria-rowindex="501"]')).toBeVisible();
    await expect(page.locator('[data-testid="statistics-row"][aria-rowindex="2"]')).toHaveCount(0);
    const shown = await page.locator('[data-testid="statistics-row"]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("aria-rowindex"))));
    expect(shown).toEqual(shown.map((_, index) => shown[0] + index));
  });
});
