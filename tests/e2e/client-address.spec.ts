import { expect, test } from "@playwright/test";

/**
 * Under `next start` the server stamps each request with its TCP peer before Next.js
 * sees it (lib/server/peer-address.ts, from instrumentation.ts): a forged
 * X-Forwarded-For from a peer that is not a trusted proxy is not taken as the client.
 */
test("a_forged_forwarded_for_is_not_the_recorded_client_address", async ({ request }) => {
  const answer = await request.post("/api/tracing/audit", {
    data: { action: "read", description: "client address check" },
    headers: { "x-forwarded-for": "198.51.100.66", "x-traceboard-peer": "203.0.113.1" },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  expect((await answer.json()).ipAddress).toBe("127.0.0.1");
});
