import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { seedTrace, uniqueService, type SeedSpan } from "./support/seed-traces";

/** The query editor, its open list and the list's options. */
const editor = (page: Page) => page.getByRole("combobox", { name: "TraceQL" });
const options = (page: Page) => page.getByRole("listbox").getByRole("option");
const rows = (page: Page) => page.getByTestId("trace-row");

/** The id of the option the editor points at (aria-activedescendant), as its text. */
async function activeOption(page: Page): Promise<string> {
  const id = await editor(page).getAttribute("aria-activedescendant");
  expect(id, "an option is active").toBeTruthy();
  return (await page.locator(`[id="${id}"]`).locator("span").first().textContent()) ?? "";
}

/** A root, a handler with `attributes`, and a database call of `${service}-db` that fails when `error`. */
function orderTrace(service: string, options: { attributes?: SeedSpan["attributes"]; error?: boolean } = {}): SeedSpan[] {
  return [
    { id: "root", service, name: "GET /orders", kind: "server", startMs: 0, durationMs: 40 },
    { id: "handler", parent: "root", service, name: "list orders", startMs: 1, durationMs: 30, attributes: options.attributes },
    { id: "db", parent: "handler", service: `${service}-db`, name: "SELECT orders", kind: "client", startMs: 2, durationMs: 20, ...(options.error ? { error: "timeout" } : {}) },
  ];
}

test.describe("writing a TraceQL query", () => {
  test("autocomplete completes a key, an operator and a value by keyboard; Escape closes the list", async ({ page, request }, testInfo) => {
    const service = uniqueService("tqlac");
    // A key no other test has, so its prefix lists it alone.
    const key = `e2e${randomBytes(3).toString("hex")}.customer`;
    const seeded = await seedTrace(request, orderTrace(service, { attributes: { [key]: "acme corp" } }));

    await page.goto("/traces?mode=traceql");
    const box = editor(page);
    await box.click();
    await page.keyboard.type("{ ");
    await expect(options(page).first()).toHaveText(/span\./);
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await expect(box).toHaveAttribute("aria-expanded", "false");

    // Typing reopens it; the scope and part of the key narrow it to the seeded key.
    await page.keyboard.type(`span.${key.slice(0, 9)}`);
    await expect(options(page)).toHaveCount(1);
    await expect(options(page).first()).toContainText(`span.${key}`);
    await page.keyboard.press("Tab");
    await expect(box).toHaveValue(`{ span.${key} `);

    // Operators follow; ArrowDown moves, ArrowUp comes back, Enter accepts.
    await expect(options(page).first()).toContainText("=");
    expect(await activeOption(page)).toBe("=");
    await page.keyboard.press("ArrowDown");
    expect(await activeOption(page)).toBe("!=");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(box).toHaveValue(`{ span.${key} = `);

    // Values of the key, a string quoted.
    await expect(options(page).first()).toContainText('"acme corp"');
    await page.screenshot({ path: testInfo.outputPath("traceql-autocomplete-value.png"), fullPage: true });
    await page.keyboard.press("Enter");
    await expect(box).toHaveValue(`{ span.${key} = "acme corp" `);
    await expect(page.getByRole("listbox")).toHaveCount(0);

    // With the list closed, Enter runs the query.
    await page.keyboard.type("}");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute("data-trace-id", seeded.traceId);
    await expect(rows(page).first().getByTestId("matched-count")).toHaveText("1 of 3");
    await expect(rows(page).first().getByTestId("matched-span")).toContainText("list orders");
  });

  test("status values are the enum's names, typed bare", async ({ page }) => {
    await page.goto("/traces?mode=traceql");
    await editor(page).click();
    await page.keyboard.type("{ status = e");
    await expect(options(page).first()).toHaveText(/^error/);
    await page.keyboard.press("Tab");
    await expect(editor(page)).toHaveValue("{ status = error ");
  });

  test("a bad query is marked where the parser stops, as it is typed and when it is run", async ({ page }, testInfo) => {
    await page.goto("/traces?mode=traceql");
    await editor(page).click();
    await page.keyboard.type('{ status = "error" }');
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("traceql-live-error")).toHaveText("=");
    await expect(page.getByTestId("traceql-live-error")).toHaveAttribute("title", "cannot compare status with string at line 1, column 10");
    await page.keyboard.press("Enter");
    await expect(page.locator("#search-traceql-problem")).toHaveText("cannot compare status with string at line 1, column 10");
    await expect(page.getByTestId("traceql-error-marker")).toHaveText('{ status = "error" }\n         ^');
    await expect(editor(page)).toHaveAttribute("aria-invalid", "true");
    await expect(page).not.toHaveURL(/[?&]q=/);
    await page.screenshot({ path: testInfo.outputPath("traceql-live-error.png"), fullPage: true });

    // Fixed, the marks go and the query runs.
    await editor(page).fill("{ status = error }");
    await expect(page.getByTestId("traceql-live-error")).toHaveCount(0);
    await editor(page).press("Enter");
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByTestId("traceql-error-marker")).toHaveCount(0);
  });

  test("a structural query finds the trace whose service calls a failing span", async ({ page, request }, testInfo) => {
    const service = uniqueService("tqlst");
    const failing = await seedTrace(request, orderTrace(service, { error: true }));
    await seedTrace(request, orderTrace(service));
    await seedTrace(request, orderTrace(`${service}-other`, { error: true }));

    await page.goto("/traces?mode=traceql");
    await editor(page).fill(`{ resource.service.name = "${service}" } >> { status = error }`);
    await editor(page).press("Enter");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toHaveAttribute("data-trace-id", failing.traceId);
    await expect(rows(page).first().getByTestId("matched-span")).toHaveText([/SELECT orders/]);
    await expect(rows(page).first().getByTestId("matched-span").first()).toContainText(`${service}-db`);
    await page.screenshot({ path: testInfo.outputPath("traceql-structural-result.png"), fullPage: true });
  });

  test("the history offers the queries run before, by keyboard, after a reload too", async ({ page }) => {
    const service = uniqueService("tqlhist");
    const first = `{ resource.service.name = "${service}" }`;
    const second = `{ resource.service.name = "${service}" && status = error }`;
    await page.goto("/traces?mode=traceql");
    for (const query of [first, second]) {
      await editor(page).fill(query);
      await editor(page).press("Enter");
      await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(query);
    }

    await page.reload();
    await editor(page).fill("");
    await expect(page.getByRole("listbox", { name: "Recent queries" })).toBeVisible();
    await expect(options(page).nth(0)).toHaveText(second);
    await expect(options(page).nth(1)).toHaveText(first);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(editor(page)).toHaveValue(first);
    await expect(page.getByRole("listbox")).toHaveCount(0);

    // With a query in the box, the button opens the history; the keyboard stays in the box.
    await page.getByRole("button", { name: "Recent queries (2)" }).click();
    await expect(options(page)).toHaveText([second, first]);
    await expect(editor(page)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(editor(page)).toHaveValue(second);
  });

  test("the mode and the query live in the URL: the form's TraceQL carries over, reload and back keep them", async ({ page }) => {
    await page.goto("/traces");
    await expect(page.getByRole("button", { name: "Simple", exact: true })).toHaveAttribute("aria-pressed", "true");
    await page.getByLabel("Tags").fill("retry=true");
    const carried = await page.getByTestId("form-traceql").textContent();
    await page.getByRole("button", { name: "TraceQL", exact: true }).click();
    await expect(page).toHaveURL(/mode=traceql/);
    await expect(editor(page)).toHaveValue(carried!);

    await page.reload();
    await expect(page.getByRole("button", { name: "TraceQL", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(editor(page)).toHaveValue(carried!);

    await page.goBack();
    await expect(page.getByRole("button", { name: "Simple", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(editor(page)).toHaveCount(0);
    await page.goForward();
    await expect(editor(page)).toHaveValue(carried!);
  });

  test("an opened result shows its matched spans highlighted, scrolled to and unfolded", async ({ page, request }) => {
    const service = uniqueService("tqlopen");
    // 60 quick steps first, so the failing span is far below the first screen of the waterfall.
    const spans: SeedSpan[] = [{ id: "root", service, name: "POST /import", kind: "server", startMs: 0, durationMs: 200 }];
    for (let step = 0; step < 60; step++) spans.push({ id: `step${step}`, parent: "root", service, name: `step ${step}`, startMs: 1 + step, durationMs: 1 });
    spans.push({ id: "batch", parent: "root", service, name: "write batch", startMs: 100, durationMs: 90 });
    spans.push({ id: "insert", parent: "batch", service: `${service}-db`, name: "INSERT rows", kind: "client", startMs: 110, durationMs: 60, error: "deadlock" });
    const seeded = await seedTrace(request, spans);
    const query = `{ resource.service.name = "${service}-db" && status = error }`;

    await page.goto(`/traces?mode=traceql&q=${encodeURIComponent(query)}`);
    await expect(rows(page).first().getByTestId("matched-count")).toHaveText("1 of 63");
    await rows(page).first().click();
    await expect(page).toHaveURL(new RegExp(`/traces/${seeded.traceId}\\?find=`));
    await expect(page.getByTestId("match-count")).toHaveText("1 match");
    const matched = page.locator(`[data-testid="waterfall-row"][data-span-id="${seeded.spanIds.insert}"]`);
    // Rows are rendered only in view: the failing span's row exists because the waterfall scrolled to it.
    await expect(matched).toHaveAttribute("data-match", "true");
    await expect(matched).toBeVisible();

    // Folded away, a new find unfolds the ancestors of its matches again.
    await page.getByRole("button", { name: "Collapse all" }).click();
    await expect(matched).toHaveCount(0);
    await page.getByTestId("find-input").fill(`{ name = "INSERT rows" }`);
    await expect(matched).toBeVisible();
    await expect(matched).toHaveAttribute("data-match", "true");
    await expect(page.locator(`[data-testid="waterfall-row"][data-span-id="${seeded.spanIds.batch}"]`)).toHaveAttribute("aria-expanded", "true");
  });
});
