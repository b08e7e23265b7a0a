import { expect, test, type Page } from "@playwright/test";
import { seedTrace, uniqueService, type SeedSpan } from "./support/seed-traces";

/**
 * A root span of `durationMs`, a child of the same service holding `attributes` (so tag
 * search must look past the root; tags match a span of the searched service, as in
 * Jaeger) and a database span of a second service.
 */
function trace(service: string, name: string, durationMs: number, options: { attributes?: SeedSpan["attributes"]; error?: boolean; extraSpans?: number } = {}): SeedSpan[] {
  const spans: SeedSpan[] = [
    { id: "root", service, name, kind: "server", startMs: 0, durationMs, ...(options.error ? { error: "boom" } : {}) },
    { id: "handler", parent: "root", service, name: "handle", startMs: 0.5, durationMs: durationMs * 0.8, attributes: options.attributes },
    { id: "db", parent: "handler", service: `${service}-db`, name: "SELECT", kind: "client", startMs: 1, durationMs: durationMs / 2 },
  ];
  for (let at = 0; at < (options.extraSpans ?? 0); at += 1) {
    spans.push({ id: `extra${at}`, parent: "root", service, name: `step ${at}`, startMs: 1, durationMs: 0.2 });
  }
  return spans;
}

const rows = (page: Page) => page.getByTestId("trace-row");

async function rowIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((links) => links.map((link) => link.getAttribute("data-trace-id") ?? ""));
}

async function find(page: Page) {
  await page.getByRole("button", { name: "Find traces" }).click();
}

test.describe("trace search", () => {
  test("service, tag and duration filters narrow the results and survive a reload", async ({ page, request }) => {
    const service = uniqueService("shop");
    const other = uniqueService("other");
    const fast = await seedTrace(request, trace(service, "GET /cart", 20, { attributes: { customer: "globex" } }));
    const slowAcme = await seedTrace(request, trace(service, "GET /checkout", 400, { attributes: { customer: "acme" }, error: true }));
    const quickAcme = await seedTrace(request, trace(service, "GET /checkout", 60, { attributes: { customer: "acme" } }));
    await seedTrace(request, trace(other, "GET /elsewhere", 30, { attributes: { customer: "acme" } }));

    await page.goto("/traces");
    await page.getByLabel("Service").selectOption(service);
    await find(page);
    await expect(page).toHaveURL(new RegExp(`service=${service}`));
    await expect(rows(page)).toHaveCount(3);
    expect(new Set(await rowIds(page))).toEqual(new Set([fast.traceId, slowAcme.traceId, quickAcme.traceId]));

    await page.getByLabel("Tags").fill("customer=acme");
    await find(page);
    await expect(rows(page)).toHaveCount(2);
    expect(new Set(await rowIds(page))).toEqual(new Set([slowAcme.traceId, quickAcme.traceId]));

    await page.getByLabel("Min duration").fill("200ms");
    await find(page);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute("data-trace-id", slowAcme.traceId);
    await expect(page.getByTestId("duration-filter-note")).toContainText("whole traces");
    // The error trace is red on the chart and in its row.
    await expect(page.locator(`[data-testid=scatter-dot][data-trace-id="${slowAcme.traceId}"]`)).toHaveAttribute("data-error", "true");
    await expect(rows(page).first().getByTestId("trace-error-count")).toHaveText("1");

    await page.screenshot({ path: test.info().outputPath("traces.png"), fullPage: true });

    await page.reload();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute("data-trace-id", slowAcme.traceId);
    await expect(page.getByLabel("Service")).toHaveValue(service);
    await expect(page.getByLabel("Tags")).toHaveValue("customer=acme");
    await expect(page.getByLabel("Min duration")).toHaveValue("200ms");

    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(rows(page)).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath("traces-dark.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });

    // Back goes to the previous search, and the form follows the URL.
    await page.goBack();
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByLabel("Min duration")).toHaveValue("");
  });

  test("a row and a scatter dot each open their trace", async ({ page, request }) => {
    const service = uniqueService("open");
    const seeded = await seedTrace(request, trace(service, "GET /open", 80));

    await page.goto(`/traces?service=${service}`);
    await expect(rows(page)).toHaveCount(1);
    await page.locator(`[data-testid=scatter-dot][data-trace-id="${seeded.traceId}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/traces/${seeded.traceId}$`));

    await page.goto(`/traces?service=${service}`);
    await rows(page).first().click();
    await expect(page).toHaveURL(new RegExp(`/traces/${seeded.traceId}$`));
  });

  test("sorts by most recent, longest, shortest and most spans, and keeps the sort in the URL", async ({ page, request }) => {
    const service = uniqueService("sort");
    const now = Date.now();
    const oldLong = await seedTrace(request, trace(service, "old long", 300, { extraSpans: 1 }), now - 50_000);
    const midShort = await seedTrace(request, trace(service, "mid short", 5, { extraSpans: 6 }), now - 40_000);
    const newMid = await seedTrace(request, trace(service, "new mid", 90), now - 30_000);

    await page.goto(`/traces?service=${service}`);
    await expect(rows(page)).toHaveCount(3);
    expect(await rowIds(page)).toEqual([newMid.traceId, midShort.traceId, oldLong.traceId]);

    const sortBox = page.getByLabel("Sort traces");
    for (const [sort, order] of [
      ["longest", [oldLong, newMid, midShort]],
      ["shortest", [midShort, newMid, oldLong]],
      ["spans", [midShort, oldLong, newMid]],
    ] as const) {
      await sortBox.selectOption(sort);
      await expect(page).toHaveURL(new RegExp(`sort=${sort}`));
      await expect.poll(() => rowIds(page)).toEqual(order.map((seeded) => seeded.traceId));
    }

    await page.reload();
    await expect(sortBox).toHaveValue("spans");
    await expect.poll(() => rowIds(page)).toEqual([midShort.traceId, oldLong.traceId, newMid.traceId]);
  });

  test("load more pages through the results with the API's cursor", async ({ page, request }) => {
    const service = uniqueService("page");
    const now = Date.now();
    const seeded = [];
    for (const ageMs of [30_000, 20_000, 10_000]) seeded.push(await seedTrace(request, trace(service, "GET /page", 10), now - ageMs));

    await page.goto(`/traces?service=${service}&limit=2`);
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByTestId("trace-count")).toContainText("more match");
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(rows(page)).toHaveCount(3);
    expect(await rowIds(page)).toEqual(seeded.map((one) => one.traceId).reverse());
    await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  });

  test("a failed search shows the error and retries", async ({ page, request }) => {
    const service = uniqueService("retry");
    const seeded = await seedTrace(request, trace(service, "GET /retry", 10));
    let failures = 0;
    await page.route("**/api/tracing/traces?**", async (route) => {
      if (failures >= 2) return route.continue();
      failures += 1;
      await route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "store is busy" } }) });
    });

    await page.goto(`/traces?service=${service}`);
    const alert = page.getByRole("alert").filter({ hasText: "store is busy" });
    await expect(alert).toBeVisible();
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute("data-trace-id", seeded.traceId);
  });

  test("a pasted trace id opens that trace; a malformed one is refused", async ({ page }) => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    await page.goto("/traces");
    const box = page.getByLabel("Trace id");

    await box.fill("not-a-trace");
    await page.getByRole("button", { name: "Open trace" }).click();
    await expect(page.getByText("A trace id is 32 (or 16) hex digits")).toBeVisible();
    await expect(page).toHaveURL(/\/traces$/);

    await box.fill(`  ${traceId.toUpperCase()} `);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}$`));
  });

  test("Traceboard's own traces stay out of the list and the chart until the toggle brings them back", async ({ page, request }) => {
    const service = uniqueService("shop");
    const own = await seedTrace(request, trace("traceboard", `GET /api/${uniqueService("self")}`, 15));
    const shop = await seedTrace(request, trace(service, "GET /cart", 15));
    const ownDot = page.locator(`[data-testid=scatter-dot][data-trace-id="${own.traceId}"]`);

    // A big page, so that the dashboard's own newer requests cannot push the seeded traces off it.
    await page.goto("/traces?limit=1500");
    await expect(rows(page).and(page.locator(`[data-trace-id="${shop.traceId}"]`))).toHaveCount(1);
    await expect(rows(page).getByTestId("trace-root-service").filter({ hasText: /^traceboard$/ })).toHaveCount(0);
    await expect(ownDot).toHaveCount(0);

    await page.getByLabel("Show Traceboard's own traces").check();
    await expect(page).toHaveURL(/includeSelf=true/);
    await expect(rows(page).and(page.locator(`[data-trace-id="${own.traceId}"]`))).toHaveCount(1);
    await expect(ownDot).toHaveCount(1);

    await page.reload();
    await expect(page.getByLabel("Show Traceboard's own traces")).toBeChecked();
    await page.getByLabel("Show Traceboard's own traces").uncheck();
    await expect(page).not.toHaveURL(/includeSelf/);
    await expect(rows(page).and(page.locator(`[data-trace-id="${own.traceId}"]`))).toHaveCount(0);
  });

  test("choosing traceboard in the service box shows its traces without the toggle", async ({ page, request }) => {
    const own = await seedTrace(request, trace("traceboard", `GET /api/${uniqueService("self")}`, 15));
    await page.goto("/traces?service=traceboard&limit=1500");
    await expect(rows(page).and(page.locator(`[data-trace-id="${own.traceId}"]`))).toHaveCount(1);
    await expect(page.getByLabel("Show Traceboard's own traces")).toBeDisabled();
  });

  test("old lookback links and new range links give the same search", async ({ page }) => {
    const service = uniqueService("nothing");
    await page.goto(`/traces?service=${service}&range=6h`);
    await expect(page.getByLabel("Lookback")).toHaveValue("6h");
    await expect(page.getByTestId("empty-state")).toContainText("last 6 hours");
  });

  test("a search without matches shows the empty state", async ({ page }) => {
    const service = uniqueService("nothing");
    await page.goto(`/traces?service=${service}&lookback=15m`);
    const empty = page.getByTestId("empty-state");
    await expect(empty).toContainText("No traces found");
    await expect(empty).toContainText(`service ${service}`);
    await expect(empty).toContainText("last 15 minutes");
    await expect(rows(page)).toHaveCount(0);
  });

  test("span names and attribute values with HTML or script are shown as text, never run", async ({ page, request }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const service = uniqueService("xss");
    const hostileName = `<script>window.__xss = "name"</script><img src=x onerror="window.__xss='img'">`;
    const hostileValue = `<img src=x onerror=alert(1)><script>alert("value")</script>`;
    const hostileTag = `payload="${hostileValue.replace(/"/g, '\\"')}"`;
    const seeded = await seedTrace(request, trace(service, hostileName, 25, { attributes: { payload: hostileValue } }));

    await page.goto(`/traces?service=${service}`);
    await page.getByLabel("Tags").fill(hostileTag);
    await find(page);
    // The service alone already lists this one trace: wait for the search with the tag to be in the URL before reloading.
    await expect(page).toHaveURL(/[?&]tags=/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute("data-trace-id", seeded.traceId);
    await expect(rows(page).first().getByTestId("trace-root-name")).toHaveText(hostileName);

    // Reloading puts the hostile value back into the form from the URL, as text.
    await page.reload();
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByLabel("Tags")).toHaveValue(hostileTag);

    // And an empty search echoes it in the empty state, as text.
    await page.getByLabel("Min duration").fill("10s");
    await find(page);
    await expect(page.getByTestId("empty-state")).toContainText(hostileTag);

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    await expect(page.locator("main img[src=x]")).toHaveCount(0);
    await expect(page.locator("main script")).toHaveCount(0);
  });
});

test.describe("TraceQL search", () => {
  test("a structural query finds the trace, opens it with its matches found, and a bad query is marked where it fails", async ({ page, request }, testInfo) => {
    const service = uniqueService("tql");
    const seeded = await seedTrace(request, trace(service, "GET /orders", 40));
    await seedTrace(request, trace(`${service}-other`, "GET /other", 40));
    const traceql = page.getByLabel("TraceQL");

    await page.goto("/traces");
    await page.getByRole("button", { name: "TraceQL", exact: true }).click();
    await traceql.fill(`{ resource.service.name = "${service}" } >> { kind = client }`);
    await traceql.press("Enter");
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute("data-trace-id", seeded.traceId);

    // The trace opens with the query in find-in-trace: its one matched span (the database call) is found.
    await rows(page).first().click();
    await expect(page.getByTestId("find-input")).toHaveValue(`{ resource.service.name = "${service}" } >> { kind = client }`);
    await expect(page.getByTestId("match-count")).toHaveText("1 match");

    await page.goBack();
    await traceql.fill('{ status = "error" }');
    await find(page);
    await expect(page.locator("#search-traceql-problem")).toHaveText("cannot compare status with string at line 1, column 10");
    await expect(page.getByTestId("traceql-error-marker")).toHaveText('{ status = "error" }\n         ^');
    await expect(traceql).toHaveAttribute("aria-invalid", "true");
    await page.screenshot({ path: testInfo.outputPath("traceql-error.png"), fullPage: true });
  });

  test("the form shows the TraceQL it builds and carries it over to the query editor", async ({ page }) => {
    await page.goto("/traces");
    await page.getByLabel("Tags").fill("retry=true");
    await page.getByLabel("Min duration").fill("10ms");
    await expect(page.getByTestId("form-traceql")).toHaveText(
      '{ (((span.retry = "true" || span.retry = true) || resource.retry = "true") || resource.retry = true) && traceDuration >= 10ms }',
    );
    await page.getByRole("button", { name: "Edit as TraceQL" }).click();
    await expect(page.getByLabel("TraceQL")).toHaveValue(
      '{ (((span.retry = "true" || span.retry = true) || resource.retry = "true") || resource.retry = true) && traceDuration >= 10ms }',
    );
    await expect(page.getByTestId("form-traceql")).toHaveCount(0);
  });
});
