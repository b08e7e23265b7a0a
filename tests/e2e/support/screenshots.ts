import { expect, test, type Locator, type Page } from "@playwright/test";

/** Full-page screenshots of the current view as test artifacts, light then dark (reloaded; `ready` shows it has drawn). */
export async function screenshotBothThemes(page: Page, name: string, ready: Locator): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(ready).toBeVisible();
  await page.screenshot({ path: test.info().outputPath(`${name}-dark.png`), fullPage: true });
}
