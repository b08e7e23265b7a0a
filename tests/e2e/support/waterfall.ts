import { expect, type Locator, type Page } from "@playwright/test";
import type { SeedSpan, SeededTrace } from "./seed-traces";

/** Attribute values that would run script if the page rendered them as HTML. */
export const HOSTILE_VALUES = {
  "xss.script": "<script>window.__xss = 'script'</script>",
  "xss.img": `<img src=x onerror="window.__xss = 'img'">`,
};

/**
 * A checkout: frontend root with auth, cart (one db child) and a failing payment (two
 * children, an event, hostile attribute values). Services carry `prefix` so tests do
 * not see each other's data.
 */
export function checkoutSpans(prefix: string): SeedSpan[] {
  return [
    { id: "root", service: `${prefix}-frontend`, name: "GET /checkout", kind: "server", startMs: 0, durationMs: 120 },
    { id: "auth", parent: "root", service: `${prefix}-auth`, name: "verify token", startMs: 5, durationMs: 15 },
    { id: "cart", parent: "root", service: `${prefix}-cart`, name: "load cart", startMs: 22, durationMs: 38 },
    { id: "db", parent: "cart", service: `${prefix}-cart`, name: "SELECT cart_items", kind: "client", startMs: 25, durationMs: 30, attributes: { "db.system": "sqlite" } },
    {
      id: "pay",
      parent: "root",
      service: `${prefix}-payments`,
      name: "charge card",
      startMs: 62,
      durationMs: 53,
      error: "card declined",
      attributes: { "payment.amount": 12.5, "payment.currency": "EUR", "payment.attempts": 2, ...HOSTILE_VALUES },
      events: [{ name: "retrying charge", atMs: 80, attributes: { attempt: 2 } }],
    },
    { id: "fraud", parent: "pay", service: `${prefix}-payments`, name: "fraud check", startMs: 65, durationMs: 10 },
    { id: "gateway", parent: "pay", service: `${prefix}-gateway`, name: "POST /charge", kind: "client", startMs: 76, durationMs: 34 },
  ];
}

export function waterfallRows(page: Page): Locator {
  return page.getByTestId("waterfall-row");
}

export function rowOf(page: Page, trace: SeededTrace, id: string): Locator {
  return page.locator(`[data-testid="waterfall-row"][data-span-id="${trace.spanIds[id]}"]`);
}

async function shownSpanIds(page: Page): Promise<string[]> {
  return waterfallRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-span-id") ?? ""));
}

/**
 * The behaviour both the trace page and the file viewer share, on the checkout trace:
 * one row per span in depth-first order, collapse hides exactly the descendants, the span
 * detail shows the clicked span's attributes and events (hostile values as text), find
 * filters.
 */
export async function checkWaterfallOfCheckout(page: Page, trace: SeededTrace): Promise<void> {
  const order = ["root", "auth", "cart", "db", "pay", "fraud", "gateway"];
  await expect(waterfallRows(page)).toHaveCount(order.length);
  expect(await shownSpanIds(page)).toEqual(order.map((id) => trace.spanIds[id]));
  await expect(page.getByTestId("trace-span-count")).toHaveText("7");
  await expect(page.getByTestId("trace-error-count")).toHaveText("1");
  await expect(rowOf(page, trace, "pay").getByTestId("error-marker")).toBeVisible();

  // Collapsing the payment hides its two children and nothing else; expanding brings them back.
  await rowOf(page, trace, "pay").getByTestId("toggle-children").click();
  expect(await shownSpanIds(page)).toEqual(["root", "auth", "cart", "db", "pay"].map((id) => trace.spanIds[id]));
  await rowOf(page, trace, "pay").getByTestId("toggle-children").click();
  await expect(waterfallRows(page)).toHaveCount(7);
  await page.getByRole("button", { name: "Collapse all" }).click();
  expect(await shownSpanIds(page)).toEqual([trace.spanIds.root]);
  await page.getByRole("button", { name: "Expand all" }).click();
  await expect(waterfallRows(page)).toHaveCount(7);

  // The span detail of the clicked span: typed attributes, the event with its offset, the status message.
  await rowOf(page, trace, "pay").click();
  const detail = page.getByTestId("span-detail");
  await expect(detail.getByTestId("span-detail-name")).toHaveText("charge card");
  const attribute = (key: string) => detail.getByTestId("span-attributes").locator(`[data-key="${key}"]`);
  await expect(attribute("payment.currency").getByTestId("attribute-value")).toHaveText("EUR");
  await expect(attribute("payment.amount")).toContainText("double");
  await expect(attribute("payment.attempts")).toContainText("int");
  await expect(detail.getByTestId("span-event")).toHaveCount(1);
  await expect(detail.getByTestId("span-event")).toContainText("retrying charge");
  await expect(detail.getByTestId("span-event")).toContainText("+18ms");
  await expect(detail.getByTestId("status-message")).toHaveText("card declined");
  // Hostile values are shown as the text they are, and nothing ran.
  for (const [key, value] of Object.entries(HOSTILE_VALUES)) await expect(attribute(key).getByTestId("attribute-value")).toHaveText(value);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  await expect(detail.locator("script, img")).toHaveCount(0);

  // Another row shows that span instead.
  await rowOf(page, trace, "db").click();
  await expect(detail.getByTestId("span-detail-name")).toHaveText("SELECT cart_items");
  await expect(detail.getByTestId("span-attributes").locator('[data-key="db.system"]')).toContainText("sqlite");

  // Find highlights the matches; "only matches" filters the waterfall to them.
  await page.getByTestId("find-input").fill("payments");
  await expect(page.getByTestId("match-count")).toHaveText("2 matches");
  await expect(page.locator('[data-testid="waterfall-row"][data-match="true"]')).toHaveCount(2);
  await page.getByTestId("only-matches").check();
  await expect(waterfallRows(page)).toHaveCount(2);
  expect(await shownSpanIds(page)).toEqual([trace.spanIds.pay, trace.spanIds.fraud]);
  await page.getByTestId("only-matches").uncheck();
  await page.getByTestId("find-input").fill("");
  await expect(waterfallRows(page)).toHaveCount(7);
}
