import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedTrace, uniqueService } from "./support/seed-traces";
import { screenshotBothThemes } from "./support/screenshots";

const HOSTILE = `<img src=x onerror="window.__auditXss=1"><script>window.__auditXss=2</script> denied`;

async function recordAudit(request: APIRequestContext, event: Record<string, unknown>) {
  const answer = await request.post("/api/tracing/audit", { data: event });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as { seq: number };
}

/** Three events of one engagement (no other test uses its id), one of them in a seeded trace. */
async function seedAudit(request: APIRequestContext) {
  const service = uniqueService("audit-e2e");
  const trace = await seedTrace(request, [{ id: "root", service, name: "POST /login", kind: "server", startMs: 0, durationMs: 12 }]);
  const engagementId = `eng-${randomBytes(4).toString("hex")}`;
  const userId = `alice-${randomBytes(2).toString("hex")}`;
  await recordAudit(request, { action: "login", severity: "info", userId, sessionId: "sess-1", engagementId, traceId: trace.traceId, description: "signed in" });
  await recordAudit(request, {
    action: "update",
    severity: "warning",
    userId,
    engagementId,
    resourceType: "project",
    resourceId: "p1",
    description: "role raised",
    before: { name: "apollo", role: "user" },
    after: { name: "apollo", role: "admin", tags: ["x"] },
  });
  const last = await recordAudit(request, { action: "access_denied", severity: "error", userId: "mallory", engagementId, description: HOSTILE });
  return { engagementId, userId, traceId: trace.traceId, lastSeq: last.seq };
}

test("the audit timeline shows, filters and links events to their trace", async ({ page, request }) => {
  const seeded = await seedAudit(request);
  await page.goto(`/audit?engagementId=${seeded.engagementId}`);

  const events = page.getByTestId("audit-event");
  await expect(events).toHaveCount(3);
  // Newest first, grouped under one day heading.
  await expect(page.getByTestId("audit-day")).toHaveCount(1);
  await expect(events.first()).toContainText("access_denied");
  await expect(events.last()).toContainText("login");

  // The chain status says how far it verified.
  const status = page.getByTestId("chain-status");
  await expect(status).toHaveAttribute("data-valid", "true");
  await expect(status).toContainText(/verified through seq \d+/i);
  const verifiedThrough = Number(/seq (\d+)/.exec((await status.textContent()) ?? "")?.[1]);
  expect(verifiedThrough).toBeGreaterThanOrEqual(seeded.lastSeq);

  // The login event links to its trace.
  await expect(events.last().getByTestId("audit-trace-link")).toHaveAttribute("href", `/traces/${seeded.traceId}`);

  // A severity filter narrows the list, lands in the URL and survives a reload.
  await page.getByLabel("Severity").selectOption("warning");
  await expect(page).toHaveURL(/severity=warning/);
  await expect(events).toHaveCount(1);
  await page.reload();
  await expect(events).toHaveCount(1);
  const update = events.first();
  await expect(update).toContainText("update");
  await expect(update).toContainText("project/p1");

  // Its before/after diff shows exactly what changed.
  const diff = update.getByTestId("audit-diff");
  await expect(diff.locator('tr[data-kind="changed"]')).toHaveCount(1);
  await expect(diff.locator('tr[data-kind="changed"]')).toContainText("role");
  await expect(diff.locator('tr[data-kind="changed"]')).toContainText('"admin"');
  await expect(diff.locator('tr[data-kind="added"]')).toContainText("tags[0]");

  // A user filter typed in the form.
  await page.getByLabel("Severity").selectOption("");
  await expect(events).toHaveCount(3);
  await page.getByLabel("User").fill("mallory");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/userId=mallory/);
  await expect(events).toHaveCount(1);
  await screenshotBothThemes(page, "audit", page.getByTestId("audit-event").first());
});

test("an audit description with HTML and script is shown as text", async ({ page, request }) => {
  const seeded = await seedAudit(request);
  await page.goto(`/audit?engagementId=${seeded.engagementId}&action=access_denied`);
  const description = page.getByTestId("audit-description");
  await expect(description).toHaveCount(1);
  await expect(description).toHaveText(HOSTILE);
  await expect(page.getByTestId("audit-event").locator("img, script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __auditXss?: number }).__auditXss)).toBeUndefined();
});

test("the audit page offers a retry when the API fails", async ({ page }) => {
  await page.goto("/audit?action=not-an-action");
  const alert = page.getByRole("alert").filter({ hasText: "Could not load" });
  await expect(alert).toContainText("expected one of");
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
});
