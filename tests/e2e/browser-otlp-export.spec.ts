import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";

/**
 * A browser app at an allowed origin (TRACEBOARD_CORS_ORIGINS) sends OTLP/JSON to
 * /v1/traces the way the browser OTLP exporter does: `Content-Type: application/json`
 * makes it a preflighted request, which must be answered with the origin allowed.
 */
test("a_page_of_an_allowed_origin_exports_otlp_json_across_origins", async ({ page, baseURL }) => {
  // A document of the allowed origin without the dashboard's CSP (whose connect-src is 'self' only).
  await page.goto("/api/health");
  const ingestUrl = `${baseURL!.replace("127.0.0.1", "localhost")}/v1/traces`;
  const traceId = randomBytes(16).toString("hex");
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  const document = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "browser-app" } }] },
        scopeSpans: [{ spans: [{ traceId, spanId: randomBytes(8).toString("hex"), name: "click", kind: 1, startTimeUnixNano: String(nowNs), endTimeUnixNano: String(nowNs + 1_000_000n) }] }],
      },
    ],
  };
  const status = await page.evaluate(
    async ({ url, body }) => (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).status,
    { url: ingestUrl, body: JSON.stringify(document) },
  );
  expect(status).toBe(200);
  await expect.poll(async () => (await page.request.get(`/api/tracing/traces/${traceId}`)).status()).toBe(200);
});
