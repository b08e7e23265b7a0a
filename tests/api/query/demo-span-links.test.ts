import { beforeAll, expect, it } from "vitest";
import type { SpanLinks } from "@/lib/api/contracts/span-links";
import { runDemo } from "@/scripts/demo/run-demo";
import { describeOnEachDatabase } from "../support/each-database";
import type { StoredSpan } from "../support/test-app";

/** The demo's order announcement: the fulfillment worker's own trace links to checkout's Kafka send. */
describeOnEachDatabase("span links of the demo's order announcement", ({ app }) => {
  let workers: StoredSpan[];

  beforeAll(async () => {
    const report = await runDemo({ traces: 20, hours: 1, seed: "links", url: app.url, protocol: "json", ifEmpty: false });
    expect(report.ok).toBe(true);
    workers = (await app.spans({ serviceName: "fulfillment" })).filter((span) => span.links.length > 0);
  }, 60_000);

  async function linksOf(traceId: string, spanId: string): Promise<SpanLinks> {
    const answer = await app.send(`/api/tracing/traces/${traceId}/spans/${spanId}/links`);
    expect(answer.status, answer.body.toString()).toBe(200);
    return answer.json() as SpanLinks;
  }

  it("eachConsumerOpensItsProducer_andTheProducerIsLinkedFromIt", async () => {
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) {
      const [send] = (await linksOf(worker.traceId, worker.spanId)).links;
      expect(send.traceId).not.toBe(worker.traceId);
      expect(send.attributes).toEqual({ "messaging.operation.type": "send" });
      expect(send.span).toMatchObject({ traceId: send.traceId, spanId: send.spanId, serviceName: "checkout" });
      const back = await linksOf(send.traceId, send.spanId);
      expect(back.linkedFromComplete).toBe(true);
      expect(back.linkedFrom.map((entry) => [entry.traceId, entry.spanId, entry.serviceName])).toEqual([[worker.traceId, worker.spanId, "fulfillment"]]);
    }
  });
});
