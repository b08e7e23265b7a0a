import { expect, test, type Page } from "@playwright/test";
import { seedTrace, uniqueService, type SeedSpan } from "./support/seed-traces";
import { checkoutSpans } from "./support/waterfall";

/**
 * Two checkouts of the demo's shape: B is A with a slower card gateway (34 -> 90 ms, so
 * "charge card" and the root take longer) and an added cache lookup under the root. The
 * cart's subtree is the same in both, so it starts collapsed.
 */
function slowerCheckout(prefix: string): SeedSpan[] {
  const spans = checkoutSpans(prefix).map((span) => {
    if (span.id === "gateway") return { ...span, durationMs: 90 };
    if (span.id === "pay") return { ...span, durationMs: 109 };
    if (span.id === "root") return { ...span, durationMs: 176 };
    return span;
  });
  return [...spans, { id: "cache", parent: "root", service: `${prefix}-cache`, name: "GET cart:42", kind: "client", startMs: 20.5, durationMs: 1 }];
}

const row = (page: Page, name: string) => page.locator('[data-testid="compare-row"]', { has: page.getByTestId("compare-row-name").getByText(name, { exact: true }) });

test.describe("compare two traces", () => {
  test("the merged tree shows the added span, the slower path and what contributed most; nodes open their spans", async ({ page, request }, testInfo) => {
    const prefix = uniqueService("compare");
    const a = await seedTrace(request, checkoutSpans(prefix));
    const b = await seedTrace(request, slowerCheckout(prefix));
    await page.goto(`/compare?a=${a.traceId}&b=${b.traceId}`);

    await expect(page.getByTestId("compare-trace-a")).toContainText(a.traceId);
    await expect(page.getByTestId("compare-trace-b")).toContainText(b.traceId);
    await expect(page.getByTestId("compare-diff")).toHaveText("+56ms (+47%)");

    // The added span: only in B, under the root.
    const added = row(page, "GET cart:42");
    await expect(added).toHaveAttribute("data-state", "only-b");
    await expect(added).toHaveAttribute("aria-level", "2");
    await expect(page.getByTestId("legend-only-b")).toContainText("1");
    await expect(row(page, "POST /charge")).toHaveAttribute("data-state", "slower");
    await expect(row(page, "POST /charge").getByTestId("compare-row-diff")).toHaveText("+56ms");
    await expect(row(page, "GET /checkout")).toHaveAttribute("data-state", "slower");
    await expect(row(page, "verify token")).toHaveAttribute("data-state", "unchanged");

    // The gateway's own time grew by 56 ms: the largest contribution (its parents only waited for it).
    await expect(page.getByTestId("contribution").first()).toContainText("POST /charge");
    await expect(page.getByTestId("contribution").first()).toContainText("+56ms");

    // The unchanged cart subtree is collapsed; its toggle opens it.
    await expect(row(page, "load cart")).toHaveAttribute("aria-expanded", "false");
    await expect(row(page, "SELECT cart_items")).toHaveCount(0);
    await row(page, "load cart").getByTestId("toggle-children").click();
    await expect(row(page, "SELECT cart_items")).toHaveAttribute("data-state", "unchanged");
    await page.screenshot({ path: testInfo.outputPath("compare-traces.png"), fullPage: true });

    // The dark theme draws the same tree.
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(row(page, "GET cart:42")).toHaveAttribute("data-state", "only-b");
    await page.screenshot({ path: testInfo.outputPath("compare-traces-dark.png"), fullPage: true });

    // By keyboard: the tree takes focus on its first row; down twice, then enter opens that node's span in A.
    await page.getByTestId("compare-tree").focus();
    await expect(row(page, "GET /checkout")).toHaveAttribute("data-focused", "true");
    await page.keyboard.press("ArrowDown");
    await expect(row(page, "verify token")).toHaveAttribute("data-focused", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/traces/${a.traceId}\\?span=${a.spanIds.auth}`));
    await expect(page.locator(`[data-testid="waterfall-row"][data-span-id="${a.spanIds.auth}"]`)).toHaveAttribute("aria-selected", "true");

    // The added span opens in trace B.
    await page.goBack();
    await row(page, "GET cart:42").getByRole("link", { name: /Open in trace B/ }).click();
    await expect(page).toHaveURL(new RegExp(`/traces/${b.traceId}\\?span=${b.spanIds.cache}`));
  });

  test("the form takes pasted ids, and a missing trace is named", async ({ page, request }) => {
    const prefix = uniqueService("compare-form");
    const a = await seedTrace(request, checkoutSpans(prefix));
    const b = await seedTrace(request, slowerCheckout(prefix));
    const unknown = "0af7651916cd43dd8448eb211c80319c";

    await page.goto("/compare");
    await expect(page.getByTestId("empty-state")).toContainText("Choose two traces");
    await page.getByLabel("Trace A").fill(a.traceId);
    await page.getByLabel("Trace B").fill("not an id");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page.getByText("A trace id is 32 (or 16) hex digits")).toBeVisible();
    await page.getByLabel("Trace B").fill(` ${b.traceId.toUpperCase()} `);
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(`/compare?a=${a.traceId}&b=${b.traceId}`);
    await expect(row(page, "GET cart:42")).toHaveAttribute("data-state", "only-b");

    // Swapped, the added span is only in A.
    await page.getByRole("button", { name: "Swap A and B" }).click();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(`/compare?a=${b.traceId}&b=${a.traceId}`);
    await expect(row(page, "GET cart:42")).toHaveAttribute("data-state", "only-a");
    await expect(page.getByTestId("compare-diff")).toHaveText(/^-56ms/);

    await page.goto(`/compare?a=${a.traceId}&b=${unknown}`);
    await expect(page.getByTestId("empty-state")).toContainText(`no trace ${unknown} (b)`);
  });

  test("reached from the trace list by selecting two rows", async ({ page, request }) => {
    const prefix = uniqueService("compare-list");
    const a = await seedTrace(request, checkoutSpans(prefix), Date.now() - 120_000);
    const b = await seedTrace(request, slowerCheckout(prefix), Date.now() - 60_000);
    await page.goto(`/traces?service=${prefix}-frontend`);
    await expect(page.getByTestId("trace-row")).toHaveCount(2);

    const select = (traceId: string) => page.locator("li", { has: page.locator(`[data-trace-id="${traceId}"]`) }).getByTestId("compare-select");
    await select(a.traceId).check();
    await expect(page.getByTestId("compare-selection")).toContainText("Select one more trace to compare");
    await select(b.traceId).check();
    await page.getByTestId("compare-selection").getByRole("link", { name: "Compare" }).click();
    await expect(page).toHaveURL(`/compare?a=${a.traceId}&b=${b.traceId}`);
    await expect(row(page, "GET cart:42")).toHaveAttribute("data-state", "only-b");
  });

  test("reached from a trace's page with Compare with…, by a recent trace or a pasted id", async ({ page, request }) => {
    const prefix = uniqueService("compare-with");
    const a = await seedTrace(request, checkoutSpans(prefix));
    const b = await seedTrace(request, slowerCheckout(prefix));
    await page.goto(`/traces/${a.traceId}`);
    await page.getByRole("button", { name: "Compare with…" }).click();

    // Recent traces of the same root operation, this one left out.
    const similar = page.getByTestId("similar-trace");
    await expect(similar).toHaveCount(1);
    await expect(similar).toContainText(b.traceId.slice(0, 12));
    await similar.click();
    await expect(page).toHaveURL(`/compare?a=${a.traceId}&b=${b.traceId}`);
    await expect(row(page, "GET cart:42")).toHaveAttribute("data-state", "only-b");

    await page.goto(`/traces/${b.traceId}`);
    await page.getByRole("button", { name: "Compare with…" }).click();
    await page.getByLabel("Trace id to compare with").fill(a.traceId);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/compare?a=${b.traceId}&b=${a.traceId}`);
    await expect(row(page, "GET cart:42")).toHaveAttribute("data-state", "only-a");

    // Escape closes the panel and gives the focus back to its button.
    await page.goto(`/traces/${a.traceId}`);
    const button = page.getByRole("button", { name: "Compare with…" });
    await button.click();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: "Compare with another trace" })).toHaveCount(0);
    await expect(button).toBeFocused();

    // So does a click elsewhere on the page; a click inside the panel keeps it open.
    await button.click();
    const dialog = page.getByRole("dialog", { name: "Compare with another trace" });
    await dialog.getByText("Recent traces with").click();
    await expect(dialog).toBeVisible();
    await page.getByTestId("trace-title").click();
    await expect(dialog).toHaveCount(0);
  });
});
