import { expect, test, type Page } from "@playwright/test";
import { seedTrace, uniqueService, type SeededTrace } from "./support/seed-traces";
import { checkoutSpans, rowOf } from "./support/waterfall";

/**
 * The checkout trace (120 ms; see checkoutSpans): frontend's root on line 0; auth, cart
 * and the payment on line 1; the cart's query and the payment's fraud check and gateway
 * call on line 2. Nothing overlaps, so each span's line is its depth.
 */
const LINE_PX = 20;
const TIMES: Record<string, { from: number; to: number; line: number }> = {
  root: { from: 0, to: 120, line: 0 },
  auth: { from: 5, to: 20, line: 1 },
  cart: { from: 22, to: 60, line: 1 },
  db: { from: 25, to: 55, line: 2 },
  pay: { from: 62, to: 115, line: 1 },
  fraud: { from: 65, to: 75, line: 2 },
  gateway: { from: 76, to: 110, line: 2 },
};

const graph = (page: Page) => page.getByTestId("flame-graph");
const canvas = (page: Page) => graph(page).locator("canvas");

async function shownWindow(page: Page): Promise<{ start: number; end: number }> {
  const [start, end] = await Promise.all([graph(page).getAttribute("data-window-start"), graph(page).getAttribute("data-window-end")]);
  return { start: Number(start), end: Number(end) };
}

/** The page position of time `ms` on line `line` in the graph as it is zoomed now. */
async function pointAt(page: Page, ms: number, line: number): Promise<{ x: number; y: number }> {
  const box = (await canvas(page).boundingBox())!;
  const { start, end } = await shownWindow(page);
  return { x: box.x + ((ms - start) / (end - start)) * box.width, y: box.y + line * LINE_PX + LINE_PX / 2 };
}

/** The middle of a span's bar, or `at` (a fraction of its length) along it. */
async function barPoint(page: Page, id: string, at = 0.5) {
  const { from, to, line } = TIMES[id];
  return pointAt(page, from + (to - from) * at, line);
}

async function clickBar(page: Page, id: string) {
  const { x, y } = await barPoint(page, id);
  await page.mouse.click(x, y);
}

/** The alpha of the canvas pixel at a page position (bars are painted on a transparent canvas; dimmed ones faintly). */
async function alphaAt(page: Page, point: { x: number; y: number }): Promise<number> {
  return canvas(page).evaluate((element: HTMLCanvasElement, { x, y }) => {
    const box = element.getBoundingClientRect();
    const ratio = element.width / box.width;
    return element.getContext("2d")!.getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data[3];
  }, point);
}

async function openFlameGraph(page: Page, trace: SeededTrace) {
  await page.goto(`/traces/${trace.traceId}`);
  await page.getByTestId("tab-flame").click();
  await expect(graph(page)).toBeVisible();
  await expect(graph(page)).toHaveAttribute("data-levels", "3");
}

const expectWindow = async (page: Page, start: number, end: number) =>
  expect.poll(async () => Object.values(await shownWindow(page)).map((value) => Math.round(value * 100) / 100)).toEqual([start, end]);

test.describe("flame graph", () => {
  test("shares the selected span with the waterfall both ways, and the tab is in the URL", async ({ page, request }) => {
    const trace = await seedTrace(request, checkoutSpans(uniqueService("flamesel")));
    await page.goto(`/traces/${trace.traceId}`);
    await rowOf(page, trace, "db").click();
    await page.getByTestId("tab-flame").click();
    await expect(page).toHaveURL(/view=flame/);
    await expect(graph(page)).toHaveAttribute("data-selected-span-id", trace.spanIds.db);
    await expect(page.getByTestId("span-detail-name")).toHaveText("SELECT cart_items");
    // The breadcrumb is the path from the root to the selected span.
    await expect(page.getByTestId("flame-breadcrumb-step")).toHaveText(["GET /checkout", "load cart", "SELECT cart_items"]);
    // The waterfall's own controls are not offered here.
    await expect(page.getByTestId("only-matches")).toHaveCount(0);
    await expect(page.getByTestId("minimap")).toHaveCount(0);

    // Selected in the flame graph, selected in the waterfall.
    await clickBar(page, "gateway");
    await expect(graph(page)).toHaveAttribute("data-selected-span-id", trace.spanIds.gateway);
    await expect(page.getByTestId("span-detail-name")).toHaveText("POST /charge");
    await page.getByTestId("tab-waterfall").click();
    await expect(rowOf(page, trace, "gateway")).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("span-detail-name")).toHaveText("POST /charge");

    // A reload keeps the tab and the span.
    await page.getByTestId("tab-flame").click();
    await expect(page).toHaveURL(new RegExp(`span=${trace.spanIds.gateway}`));
    await page.reload();
    await expect(graph(page)).toHaveAttribute("data-selected-span-id", trace.spanIds.gateway);
    await expect(page.getByTestId("tab-flame")).toHaveAttribute("aria-selected", "true");
  });

  test("a click zooms to the span, the breadcrumb and Escape zoom out, the wheel zooms around the pointer, a drag pans", async ({ page, request }, testInfo) => {
    const trace = await seedTrace(request, checkoutSpans(uniqueService("flamezoom")));
    await openFlameGraph(page, trace);
    await expectWindow(page, 0, 120);

    // A click: the cart's load (22-60 ms) fills the width; its query (25-55 ms) is now wider than it was.
    await clickBar(page, "cart");
    await expectWindow(page, 22, 60);
    await expect(graph(page)).toHaveAttribute("data-zoomed", "true");
    await page.screenshot({ path: testInfo.outputPath("flame-graph-zoomed.png"), fullPage: true });
    // The query, clicked where it is drawn now, zooms further; Escape steps back out to its parent, then to the whole trace.
    await clickBar(page, "db");
    await expectWindow(page, 25, 55);
    await expect(page.getByTestId("flame-breadcrumb-step")).toHaveText(["GET /checkout", "load cart", "SELECT cart_items"]);
    await page.keyboard.press("Escape");
    await expectWindow(page, 22, 60);
    await page.keyboard.press("Escape");
    await expectWindow(page, 0, 120);

    // The breadcrumb: its root step zooms to the root (the whole trace here), "Whole trace" always does.
    await clickBar(page, "fraud");
    await expectWindow(page, 65, 75);
    await page.getByTestId("flame-breadcrumb-step").first().click();
    await expectWindow(page, 0, 120);
    await expect(graph(page)).toHaveAttribute("data-selected-span-id", trace.spanIds.root);
    await clickBar(page, "pay");
    await expectWindow(page, 62, 115);
    await page.getByTestId("flame-zoom-out").click();
    await expectWindow(page, 0, 120);

    // The wheel zooms in around the pointer: the time under it (30 ms) stays under it.
    const pointer = await pointAt(page, 30, 2);
    await page.mouse.move(pointer.x, pointer.y);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await shownWindow(page)).end - (await shownWindow(page)).start).toBeLessThan(60);
    const zoomed = await shownWindow(page);
    const box = (await canvas(page).boundingBox())!;
    const underPointer = zoomed.start + ((pointer.x - box.x) / box.width) * (zoomed.end - zoomed.start);
    expect(underPointer).toBeCloseTo(30, 0);
    // Wheel the other way: back out to the whole trace, no further.
    await page.mouse.wheel(0, 2000);
    await expectWindow(page, 0, 120);

    // A drag pans a zoomed graph (and does not select); shift+wheel pans too.
    await clickBar(page, "cart");
    await expectWindow(page, 22, 60);
    const from = await pointAt(page, 40, 1);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - box.width / 4, from.y, { steps: 5 });
    await page.mouse.up();
    // A quarter of the 38 ms window is 9.5 ms later.
    await expectWindow(page, 31.5, 69.5);
    await expect(graph(page)).toHaveAttribute("data-selected-span-id", trace.spanIds.cart);
    await page.keyboard.down("Shift");
    await page.mouse.wheel(0, box.width / 2);
    await page.keyboard.up("Shift");
    await expect.poll(async () => (await shownWindow(page)).start).toBeGreaterThan(40);
  });

  test("the tooltip shows service, name, duration and self time; the keyboard walks the tree", async ({ page, request }) => {
    const prefix = uniqueService("flametip");
    const trace = await seedTrace(request, checkoutSpans(prefix));
    await openFlameGraph(page, trace);

    // The payment: 53 ms, of which its children cover 10 + 34, so 9 ms is its own.
    const { x, y } = await barPoint(page, "pay", 0.05);
    await page.mouse.move(x, y);
    const tooltip = page.getByTestId("flame-tooltip");
    await expect(tooltip).toBeVisible();
    await expect(tooltip.getByTestId("flame-tooltip-service")).toHaveText(`${prefix}-payments`);
    await expect(tooltip.getByTestId("flame-tooltip-name")).toHaveText("charge card");
    await expect(tooltip.getByTestId("flame-tooltip-duration")).toHaveText("53ms");
    await expect(tooltip.getByTestId("flame-tooltip-self")).toHaveText("9ms (17%)");
    const db = await barPoint(page, "db");
    await page.mouse.move(db.x, db.y);
    await expect(tooltip.getByTestId("flame-tooltip-self")).toHaveText("30ms (100%)");
    await page.mouse.move(x, y - 3 * LINE_PX - 40);
    await expect(tooltip).toHaveCount(0);

    // Keys: the first arrow selects the root; down to its first child, right along the siblings, down, left, up.
    await page.getByRole("application").focus();
    const selected = () => graph(page).getAttribute("data-selected-span-id");
    await page.keyboard.press("ArrowDown");
    expect(await selected()).toBe(trace.spanIds.root);
    for (const [key, id] of [
      ["ArrowDown", "auth"],
      ["ArrowRight", "cart"],
      ["ArrowRight", "pay"],
      ["ArrowRight", "pay"],
      ["ArrowDown", "fraud"],
      ["ArrowRight", "gateway"],
      ["ArrowLeft", "fraud"],
      ["ArrowUp", "pay"],
    ] as const) {
      await page.keyboard.press(key);
      await expect(graph(page)).toHaveAttribute("data-selected-span-id", trace.spanIds[id]);
    }
    await expect(page.getByTestId("span-detail-name")).toHaveText("charge card");
    // Enter zooms to the selected span.
    await page.keyboard.press("Enter");
    await expectWindow(page, 62, 115);
  });

  test("concurrent siblings, an orphan and a zero-length span each get a bar of their own", async ({ page, request }) => {
    const prefix = uniqueService("flamelanes");
    // b overlaps a, so it goes one line below it; the orphan (its parent never arrived) is a top-level span like the
    // root, overlapping the root's three lines, so it goes below them; the instant z fits back on line 1 after a and b.
    const trace = await seedTrace(request, [
      { id: "root", service: `${prefix}-api`, name: "root", startMs: 0, durationMs: 100 },
      { id: "a", parent: "root", service: `${prefix}-api`, name: "fetch a", startMs: 10, durationMs: 40 },
      { id: "b", parent: "root", service: `${prefix}-api`, name: "fetch b", startMs: 30, durationMs: 40 },
      { id: "z", parent: "root", service: `${prefix}-api`, name: "mark", startMs: 80, durationMs: 0 },
      { id: "orphan", parent: "gone", service: `${prefix}-worker`, name: "late job", startMs: 20, durationMs: 40 },
    ]);
    await page.goto(`/traces/${trace.traceId}?view=flame`);
    await expect(graph(page)).toHaveAttribute("data-levels", "4");
    const tooltipAt = async (ms: number, line: number) => {
      const { x, y } = await pointAt(page, ms, line);
      await page.mouse.move(x + 1, y);
      return page.getByTestId("flame-tooltip").getByTestId("flame-tooltip-name");
    };
    await expect(await tooltipAt(40, 1)).toHaveText("fetch a");
    await expect(await tooltipAt(40, 2)).toHaveText("fetch b");
    await expect(await tooltipAt(40, 3)).toHaveText("late job");
    await expect(await tooltipAt(80, 1)).toHaveText("mark");
    await expect(page.getByTestId("flame-tooltip-duration")).toHaveText("0ms");
    // Clicking the orphan selects it; its breadcrumb is itself alone.
    const orphan = await pointAt(page, 40, 3);
    await page.mouse.click(orphan.x, orphan.y);
    await expect(graph(page)).toHaveAttribute("data-selected-span-id", trace.spanIds.orphan);
    await expect(page.getByTestId("flame-breadcrumb-step")).toHaveText(["late job"]);
  });

  test("the find box highlights its matches and dims the rest; the critical path is kept", async ({ page, request }) => {
    const trace = await seedTrace(request, checkoutSpans(uniqueService("flamefind")));
    await openFlameGraph(page, trace);
    const opaque = async (id: string) => (await alphaAt(page, await barPoint(page, id, 0.5))) > 200;
    // Before a find, every bar is painted in full.
    expect(await Promise.all(Object.keys(TIMES).map(opaque))).toEqual(Object.keys(TIMES).map(() => true));

    await page.getByTestId("find-input").fill("payments");
    await expect(page.getByTestId("match-count")).toHaveText("2 matches");
    await expect.poll(() => opaque("root")).toBe(false);
    expect(await opaque("pay")).toBe(true);
    expect(await opaque("fraud")).toBe(true);
    for (const id of ["auth", "cart", "db", "gateway"]) expect(await opaque(id)).toBe(false);
    // The same find in the waterfall.
    await page.getByTestId("tab-waterfall").click();
    await expect(page.locator('[data-testid="waterfall-row"][data-match="true"]')).toHaveCount(2);
    await page.getByTestId("find-input").fill("");

    // The critical path, turned on in the waterfall, is marked along the bars' feet in the flame graph.
    await page.getByTestId("critical-path").check();
    await page.getByTestId("tab-flame").click();
    await expect(page.getByTestId("critical-path")).toBeChecked();
    const foot = await barPoint(page, "db");
    const footColour = () =>
      canvas(page).evaluate((element: HTMLCanvasElement, { x, y }) => {
        const box = element.getBoundingClientRect();
        const ratio = element.width / box.width;
        return Array.from(element.getContext("2d")!.getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data);
      }, { x: foot.x, y: foot.y + LINE_PX / 2 - 3 });
    // The query's foot is drawn in the page's ink (near black in the light theme), not the service's colour.
    await expect.poll(async () => (await footColour()).slice(0, 3).every((channel) => channel < 80)).toBe(true);
    // In the dark theme the ink is light, repainted as the theme changes.
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect.poll(async () => (await footColour()).slice(0, 3).every((channel) => channel > 180)).toBe(true);
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await expect.poll(async () => (await footColour()).slice(0, 3).every((channel) => channel < 80)).toBe(true);
    await page.getByTestId("critical-path").uncheck();
    await expect.poll(async () => (await footColour()).slice(0, 3).every((channel) => channel < 80)).toBe(false);
  });
});
