import { expect, test } from "@playwright/test";
import { seedCheckoutTraces } from "./support/seed-services";
import { screenshotBothThemes } from "./support/screenshots";

test("stats charts and the operations table show a seeded service", async ({ page, request }) => {
  const { web } = await seedCheckoutTraces(request, 5, "stats");
  await page.goto(`/stats?service=${web}&range=1h`);

  // Five server requests, one of them failed.
  await expect(page.getByTestId("tile-requests")).toContainText("5");
  await expect(page.getByTestId("tile-errors")).toContainText("1");
  await expect(page.getByTestId("tile-error-rate")).toContainText("20%");

  // Every chart draws its lines.
  for (const chart of ["chart-request-rate", "chart-error-rate", "chart-latency"]) {
    const lines = page.getByTestId(chart).locator("path.recharts-line-curve");
    await expect(lines.first()).toHaveAttribute("d", /^M[\d.]+,[\d.]+/);
  }
  await expect(page.getByTestId("chart-latency").locator("path.recharts-line-curve")).toHaveCount(3);

  // The operations table: the one server operation of this service, linking to its traces.
  const rows = page.getByTestId("operation-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("GET /checkout");
  await expect(rows.first()).toContainText("20%");
  await expect(rows.first().getByRole("link", { name: "GET /checkout" })).toHaveAttribute("href", `/traces?service=${web}&operation=GET+%2Fcheckout`);
  await expect(rows.first().locator("svg polyline")).toHaveAttribute("points", /\d+,\d+ /);

  // Sort and auto-refresh live in the URL and survive a reload.
  await page.getByRole("button", { name: "p95" }).click();
  await expect(page).toHaveURL(/sort=p95Ms/);
  await page.getByLabel("Auto-refresh").selectOption("10s");
  await expect(page).toHaveURL(/refresh=10s/);
  await page.reload();
  await expect(page.getByLabel("Auto-refresh")).toHaveValue("10s");
  await expect(page.getByRole("columnheader", { name: /p95/ })).toHaveAttribute("aria-sort", "descending");
  await screenshotBothThemes(page, "stats", page.getByTestId("operation-row").first());
});

test("a table row focuses the charts on its operation", async ({ page, request }) => {
  const { api } = await seedCheckoutTraces(request, 2, "stats-row");
  await page.goto(`/stats?service=${api}`);
  const row = page.getByTestId("operation-row").filter({ hasText: "POST /charge" });
  await row.getByRole("button", { name: "Chart" }).click();
  await expect(page).toHaveURL(/operation=POST(\+|%20)%2Fcharge/);
  await expect(page).toHaveURL(/kind=server/);
  await expect(page.getByTestId("tile-requests")).toContainText("2");
});

test("stats show an empty state for a window without requests", async ({ page }) => {
  await page.goto("/stats?service=no-such-service-e2e&range=15m");
  await expect(page.getByTestId("empty-state")).toContainText("No requests in this window");
});
