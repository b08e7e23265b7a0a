import { expect, test } from "@playwright/test";

/** Every page carries a nonce-based Content-Security-Policy; inline markup injected into the page cannot run. */

test("pages_send_a_csp_with_a_fresh_script_nonce", async ({ request }) => {
  const first = await request.get("/traces");
  const second = await request.get("/traces");
  const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  const policy = first.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(nonceOf(policy)).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonceOf(policy));
});

test("the_app_runs_under_its_policy_without_violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/traces");
  await page.evaluate(() => localStorage.setItem("traceboard-theme", "dark"));
  await page.reload();
  // The nonced inline boot script ran, and React hydrated (the theme button answers).
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: /switch to light theme/i }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  expect(violations).toEqual([]);
});

test("injected_inline_handlers_do_not_run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/traces");
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = '<img src="data:," onerror="window.__pwned = 1"><svg onload="window.__pwned = 2"></svg>';
    document.body.append(holder);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
