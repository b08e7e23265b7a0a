import type { TracingConfig } from "@/lib/config/tracing-config";

export const EXPOSED_HEADERS = "traceparent, X-Trace-ID";
const ALLOWED_REQUEST_HEADERS = "traceparent, tracestate, x-trace-id, content-type, content-encoding, authorization";
const ALLOWED_METHODS = "GET, POST, OPTIONS";

function allowedOrigin(origin: string | null, config: TracingConfig): string | null {
  if (!origin) return null;
  return config.corsOrigins.includes("*") || config.corsOrigins.includes(origin) ? origin : null;
}

/** CORS headers for an API response: trace headers are always exposed; the origin only when allowed. */
export function applyCorsHeaders(requestHeaders: Headers, responseHeaders: Headers, config: TracingConfig): void {
  responseHeaders.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  const origin = allowedOrigin(requestHeaders.get("origin"), config);
  if (!origin) return;
  responseHeaders.set("Access-Control-Allow-Origin", origin);
  responseHeaders.append("Vary", "Origin");
}

/** The answer to a CORS preflight, or null when the origin is not allowed. */
export function preflightResponse(requestHeaders: Headers, config: TracingConfig): Response | null {
  const origin = allowedOrigin(requestHeaders.get("origin"), config);
  if (!origin) return null;
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Allow-Headers": ALLOWED_REQUEST_HEADERS,
      "Access-Control-Expose-Headers": EXPOSED_HEADERS,
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    },
  });
}
