import { expect, test, type APIResponse } from "@playwright/test";

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const INCOMING_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const INCOMING_SPAN_ID = "00f067aa0ba902b7";
const VALID_INCOMING = `00-${INCOMING_TRACE_ID}-${INCOMING_SPAN_ID}-01`;

const TARGETS = [
  { name: "page", path: "/traces" },
  { name: "API route", path: "/api/tracing/context" },
];

/** The trace headers of a response, checked for form and agreement. */
function traceHeaders(response: APIResponse | { headers(): Record<string, string> }) {
  const headers = response.headers();
  const match = TRACEPARENT.exec(headers["traceparent"] ?? "");
  expect(match, `well-formed traceparent, got ${headers["traceparent"]}`).not.toBeNull();
  const [, traceId, spanId] = match!;
  expect(headers["x-trace-id"]).toBe(traceId);
  return { traceId, spanId };
}

for (const target of TARGETS) {
  test.describe(`${target.name} ${target.path}`, () => {
    test("answers with a well-formed traceparent and a matching X-Trace-ID", async ({ request }) => {
      const response = await request.get(target.path);
      expect(response.status()).toBe(200);
      const { traceId } = traceHeaders(response);
      expect(traceId).not.toBe("0".repeat(32));
    });

    test("continues a valid incoming trace with a new span-id", async ({ request }) => {
      const response = await request.get(target.path, { headers: { traceparent: VALID_INCOMING } });
      const { traceId, spanId } = traceHeaders(response);
      expect(traceId).toBe(INCOMING_TRACE_ID);
      expect(spanId).not.toBe(INCOMING_SPAN_ID);
    });

    test("adopts a valid X-Trace-ID when no traceparent is sent", async ({ request }) => {
      const response = await request.get(target.path, { headers: { "x-trace-id": "0AF7651916CD43DD8448EB211C80319C" } });
      expect(traceHeaders(response).traceId).toBe("0af7651916cd43dd8448eb211c80319c");
    });

    const MALFORMED: Array<[string, string]> = [
      ["version ff", `ff-${INCOMING_TRACE_ID}-${INCOMING_SPAN_ID}-01`],
      ["uppercase hex", `00-${INCOMING_TRACE_ID.toUpperCase()}-${INCOMING_SPAN_ID}-01`],
      ["all-zero trace-id", `00-${"0".repeat(32)}-${INCOMING_SPAN_ID}-01`],
      ["all-zero parent-id", `00-${INCOMING_TRACE_ID}-${"0".repeat(16)}-01`],
      ["short trace-id", `00-${INCOMING_TRACE_ID.slice(1)}-${INCOMING_SPAN_ID}-01`],
      ["long parent-id", `00-${INCOMING_TRACE_ID}-${INCOMING_SPAN_ID}0-01`],
      ["trailing data on version 00", `${VALID_INCOMING}-extra`],
      ["garbage", "<script>alert(1)</script>"],
      ["empty", ""],
    ];
    for (const [name, value] of MALFORMED) {
      test(`serves a malformed traceparent (${name}) with 200 and a fresh trace`, async ({ request }) => {
        const response = await request.get(target.path, { headers: { traceparent: value, tracestate: "vendor=kept-only-if-valid" } });
        expect(response.status()).toBe(200);
        expect(traceHeaders(response).traceId).not.toBe(INCOMING_TRACE_ID);
      });
    }

    const INJECTIONS: Array<[string, string]> = [
      ["header smuggled after a valid id", `${INCOMING_TRACE_ID}; Set-Cookie: owned=1`],
      ["encoded CRLF", "%0d%0aSet-Cookie:%20owned=1"],
      ["markup", "<img src=x onerror=alert(1) alt=owned>"],
      ["two ids run together", `${INCOMING_TRACE_ID}${INCOMING_TRACE_ID}`],
    ];
    for (const [name, value] of INJECTIONS) {
      test(`never reflects a crafted X-Trace-ID (${name})`, async ({ request }) => {
        const response = await request.get(target.path, { headers: { "x-trace-id": value } });
        expect(response.status()).toBe(200);
        const { traceId } = traceHeaders(response);
        expect(traceId).not.toBe(INCOMING_TRACE_ID);
        expect(response.headers()["set-cookie"]).toBeUndefined();
        for (const header of Object.values(response.headers())) expect(header).not.toContain("owned");
      });
    }
  });
}

test("a page served at one origin reads the trace headers of an allowed cross-origin API call", async ({ page, baseURL }) => {
  // A document of the allowed origin without the dashboard's CSP (whose connect-src is
  // 'self' only): the API's own JSON answer.
  await page.goto("/api/health");
  const apiOrigin = baseURL!.replace("127.0.0.1", "localhost");
  const seen = await page.evaluate(async ({ url, traceparent }) => {
    // Sending traceparent makes this a preflighted request, as the dashboard's own calls are.
    const response = await fetch(url, { headers: { traceparent } });
    return {
      status: response.status,
      traceparent: response.headers.get("traceparent"),
      xTraceId: response.headers.get("x-trace-id"),
    };
  }, { url: `${apiOrigin}/api/tracing/context`, traceparent: VALID_INCOMING });
  expect(seen.status).toBe(200);
  expect(seen.traceparent).toMatch(TRACEPARENT);
  expect(seen.traceparent!.split("-")[1]).toBe(INCOMING_TRACE_ID);
  expect(seen.xTraceId).toBe(INCOMING_TRACE_ID);
});

test("a page's own response headers carry the trace it was served in", async ({ page }) => {
  const response = await page.goto("/traces");
  expect(response!.status()).toBe(200);
  traceHeaders({ headers: () => response!.headers() });
});

test("an API route handler receives the propagated headers it answers with", async ({ request }) => {
  const response = await request.get("/api/tracing/context", { headers: { traceparent: VALID_INCOMING, tracestate: "rojo=00f067aa0ba902b7" } });
  const { traceId, spanId } = traceHeaders(response);
  const body = await response.json();
  expect(body.context).toMatchObject({ traceId, spanId, parentSpanId: INCOMING_SPAN_ID, tracestate: "rojo=00f067aa0ba902b7" });
  expect(body.requestHeaders).toEqual({
    traceparent: response.headers()["traceparent"],
    tracestate: "rojo=00f067aa0ba902b7",
    xTraceId: traceId,
  });
});
