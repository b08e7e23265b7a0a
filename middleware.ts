import { NextResponse, type NextRequest } from "next/server";
import { tracingConfig } from "@/lib/config/tracing-config";
import { contentSecurityPolicy, CSP_HEADER, newNonce, NONCE_HEADER } from "@/lib/security/content-security-policy";
import { hasReadAccess, pageReadChallenge } from "@/lib/security/read-access";
import { injectResponseHeaders } from "@/lib/trace-context";
import { preflightResponse } from "@/lib/tracing/cors";
import { contextForRequest, forwardedRequestHeaders } from "@/lib/tracing/request-propagation";

/**
 * Pages: continue or start the trace, hand it to the page as request headers and
 * return it on the response; every page also gets a Content-Security-Policy with a
 * fresh script nonce (passed to the page in the request headers, where Next.js and
 * the layout pick it up). API routes propagate in their route-handler wrapper
 * instead (cheaper than a middleware hop); here they only get CORS preflights.
 */
export function middleware(request: NextRequest) {
  const config = tracingConfig();
  if (request.method === "OPTIONS") {
    return preflightResponse(request.headers, config) ?? new NextResponse(null, { status: 204 });
  }
  if (!hasReadAccess(request.headers)) return pageReadChallenge();
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce);
  const ctx = contextForRequest(request.headers, request.nextUrl.pathname, config);
  const headers = ctx ? forwardedRequestHeaders(request.headers, ctx) : new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set(CSP_HEADER, policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(CSP_HEADER, policy);
  if (ctx) injectResponseHeaders(ctx, response.headers);
  return response;
}

export const config = {
  runtime: "nodejs",
  matcher: [
    // Every page, but not API or ingest routes (the Jaeger, Zipkin and Tempo APIs under their
    // prefixes too), build assets, optimized images or the favicon. Nothing else may skip
    // the read token and the CSP: a page path ending in `.txt` or `.js` is still a page
    // (there is no public/ folder of static files).
    "/((?!api/|v1/|jaeger/api/|zipkin/api/|tempo/api/|_next/static/|_next/image|favicon\\.ico$).*)",
    // CORS preflights for the API and the OTLP ingest route (a browser OTLP exporter
    // sends JSON or protobuf, which is always preflighted).
    { source: "/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/v1/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/jaeger/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/zipkin/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
    { source: "/tempo/api/:path*", has: [{ type: "header", key: "access-control-request-method" }] },
  ],
};
