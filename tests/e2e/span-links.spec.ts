import { expect, test } from "@playwright/test";
import { seedTrace, uniqueService } from "./support/seed-traces";
import { rowOf } from "./support/waterfall";

test.describe("span links", () => {
  test("a link is followed both ways: producer to consumer through linked from, and back through the link", async ({ page, request }, testInfo) => {
    const shop = uniqueService("shop");
    const worker = uniqueService("worker");
    const producer = await seedTrace(request, [
      { id: "checkout", service: shop, name: "POST /checkout", kind: "server", startMs: 0, durationMs: 40 },
      { id: "announce", parent: "checkout", service: shop, name: "orders publish", kind: "producer", startMs: 10, durationMs: 5 },
    ]);
    const consumer = await seedTrace(request, [
      { id: "poll", service: worker, name: "orders receive", kind: "consumer", startMs: 50, durationMs: 30 },
      {
        id: "process",
        parent: "poll",
        service: worker,
        name: "orders process",
        startMs: 55,
        durationMs: 20,
        links: [{ traceId: producer.traceId, spanId: producer.spanIds.announce, attributes: { "messaging.operation.type": "send" } }],
      },
      { id: "ack", parent: "poll", service: worker, name: "orders ack", startMs: 76, durationMs: 2, links: [{ spanId: "process" }] },
    ]);

    // The producer's span shows who links to it, and opens the consumer trace at that span.
    await page.goto(`/traces/${producer.traceId}`);
    await rowOf(page, producer, "announce").click();
    const linkedFrom = page.getByTestId("span-linked-from-entry");
    await expect(linkedFrom).toHaveCount(1);
    await expect(linkedFrom).toContainText(worker);
    await expect(linkedFrom).toContainText("orders process");
    await expect(linkedFrom).toContainText(`trace ${consumer.traceId.slice(0, 8)}`);
    await expect(linkedFrom).toContainText("messaging.operation.type");
    await linkedFrom.getByTestId("link-target").click();
    await expect(page).toHaveURL(new RegExp(`/traces/${consumer.traceId}\\?span=${consumer.spanIds.process}`));
    await expect(page.getByTestId("span-detail-name")).toHaveText("orders process");
    await expect(rowOf(page, consumer, "process")).toHaveAttribute("aria-selected", "true");

    // Its link names the producer's span, and within the trace "ack" links here.
    const link = page.getByTestId("span-link");
    await expect(link).toHaveCount(1);
    await expect(link).toContainText(shop);
    await expect(link).toContainText("orders publish");
    await expect(page.getByTestId("span-linked-from-entry")).toContainText("orders ack");
    await expect(page.getByTestId("span-linked-from-entry")).toContainText("this trace");
    await page.getByTestId("span-detail").screenshot({ path: testInfo.outputPath("span-links.png") });

    // A link within the trace selects its span in place.
    await page.getByTestId("span-linked-from-entry").getByTestId("link-target").click();
    await expect(page.getByTestId("span-detail-name")).toHaveText("orders ack");
    await expect(page).toHaveURL(new RegExp(`/traces/${consumer.traceId}\\?span=${consumer.spanIds.ack}`));
    await page.getByTestId("span-link").getByTestId("link-target").click();
    await expect(page.getByTestId("span-detail-name")).toHaveText("orders process");

    // Back to the producer through the link.
    await page.getByTestId("span-link").getByTestId("link-target").click();
    await expect(page).toHaveURL(new RegExp(`/traces/${producer.traceId}\\?span=${producer.spanIds.announce}`));
    await expect(page.getByTestId("span-detail-name")).toHaveText("orders publish");
    await expect(page.getByTestId("span-linked-from-entry")).toHaveCount(1);
  });
});
