import { expect, test } from "@playwright/test";
import { seedCheckoutTraces } from "./support/seed-services";
import { seedTrace, uniqueService } from "./support/seed-traces";
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

test("an edge that skips a layer goes around the node between, and no edge label covers a node", async ({ page, request }) => {
  const web = uniqueService("skip-web");
  const api = uniqueService("skip-api");
  const db = uniqueService("skip-db");
  // web -> api -> db, and web -> db directly: db sits two layers right of web, api between.
  await seedTrace(request, [
    { id: "root", service: web, name: "GET /cart", kind: "server", startMs: 0, durationMs: 40 },
    { id: "charge", parent: "root", service: api, name: "POST /charge", kind: "server", startMs: 5, durationMs: 20 },
    { id: "query", parent: "charge", service: db, name: "SELECT payments", kind: "server", startMs: 8, durationMs: 5 },
    { id: "direct", parent: "root", service: db, name: "SELECT cart", kind: "server", startMs: 30, durationMs: 5 },
  ]);
  await page.goto("/services?range=1h");
  const graph = page.getByTestId("service-graph");
  await expect(graph.locator(`[data-testid="graph-edge"][data-from="${web}"][data-to="${db}"]`)).toHaveCount(1, { timeout: 20_000 });

  const problems = await graph.evaluate((svg, [from, between, to]) => {
    const found: string[] = [];
    const circles = [...svg.querySelectorAll<SVGCircleElement>('[data-testid="graph-node"] circle')].map((circle) => ({
      service: circle.closest("[data-service]")!.getAttribute("data-service")!,
      x: circle.cx.baseVal.value,
      y: circle.cy.baseVal.value,
      r: circle.r.baseVal.value,
    }));
    for (const edge of svg.querySelectorAll<SVGGElement>('[data-testid="graph-edge"]')) {
      const label = edge.querySelector("text")!.getBBox();
      for (const c of circles) {
        const nearestX = Math.max(label.x, Math.min(c.x, label.x + label.width));
        const nearestY = Math.max(label.y, Math.min(c.y, label.y + label.height));
        if (Math.hypot(nearestX - c.x, nearestY - c.y) < c.r) found.push(`label of ${edge.dataset.from} -> ${edge.dataset.to} on ${c.service}`);
      }
    }
    const skip = svg.querySelector<SVGGElement>(`[data-testid="graph-edge"][data-from="${from}"][data-to="${to}"]`)!.querySelector("path")!;
    const node = circles.find((c) => c.service === between)!;
    for (let at = 0; at <= skip.getTotalLength(); at += 2) {
      const point = skip.getPointAtLength(at);
      if (Math.hypot(point.x - node.x, point.y - node.y) < node.r) found.push(`${from} -> ${to} crosses ${between}`);
    }
    return found;
  }, [web, api, db]);
  expect(problems).toEqual([]);
});
