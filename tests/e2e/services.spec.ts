import { expect, test } from "@playwright/test";
import { seedCheckoutTraces } from "./support/seed-services";
import { screenshotBothThemes } from "./support/screenshots";

test("the service graph shows seeded services, their calls, and a node's operations", async ({ page, request }) => {
  const { web, api, db } = await seedCheckoutTraces(request, 3, "map");
  await page.goto("/services?range=1h");

  const graph = page.getByTestId("service-graph");
  // The first request of a fresh server computes the window's roll-ups.
  await expect(graph).toBeVisible({ timeout: 20_000 });
  for (const service of [web, api, db]) await expect(graph.locator(`[data-testid="graph-node"][data-service="${service}"]`)).toBeVisible();
  const edge = graph.locator(`[data-testid="graph-edge"][data-from="${web}"][data-to="${api}"]`);
  await expect(edge).toHaveCount(1);
  await expect(edge.locator("text")).toHaveText(/^3 calls · 0% err$/);
  await expect(edge.locator("path")).toHaveAttribute("d", /^M /);
  await expect(graph.locator(`[data-testid="graph-edge"][data-from="${api}"][data-to="${db}"]`)).toHaveCount(1);

  // Callers sit left of their callees.
  const x = async (service: string) => Number(await graph.locator(`[data-service="${service}"] circle`).getAttribute("cx"));
  expect(await x(web)).toBeLessThan(await x(api));
  expect(await x(api)).toBeLessThan(await x(db));

  // Clicking a node opens its operations, linking to their traces; the choice is in the URL.
  await graph.locator(`[data-service="${api}"] circle`).click();
  await expect(page).toHaveURL(new RegExp(`service=${api}`));
  const panel = page.getByTestId("service-panel");
  await expect(panel).toContainText(api);
  await expect(panel).toContainText("3 spans");
  const operations = panel.getByTestId("service-operations");
  await expect(operations.getByRole("link", { name: "POST /charge" })).toHaveAttribute("href", `/traces?service=${api}&operation=POST+%2Fcharge`);
  await expect(panel).toContainText(web);
  await page.reload();
  await expect(page.getByTestId("service-panel")).toContainText(api);
  await screenshotBothThemes(page, "services", page.getByTestId("service-panel"));
});
