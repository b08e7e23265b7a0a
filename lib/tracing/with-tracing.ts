import "server-only";
import type { NextRequest } from "next/server";
import { tracingConfig } from "@/lib/config/tracing-config";
import { injectResponseHeaders } from "@/lib/trace-context";
import { internalErrorResponse } from "@/lib/api/errors";
import { runWithTraceContext } from "./context";
import { applyCorsHeaders } from "./cors";
import { contextForRequest } from "./request-propagation";

type RouteHandler<P> = (request: NextRequest, route: P) => Response | Promise<Response>;

/**
 * Wraps an API route handler: continues or starts the trace (the same core as
 * `middleware.ts`, which does not run for `/api`), makes it the current context for
 * the handler, and stamps `traceparent`, `X-Trace-ID` and CORS headers on the response.
 * A thrown error becomes a 500 that still carries the trace headers.
 */
export function withTracing<P>(handler: RouteHandler<P>): RouteHandler<P> {
  return async (request, route) => {
    const config = tracingConfig();
    const ctx = config.routeTracingEnabled ? contextForRequest(request.headers, request.nextUrl.pathname, config) : null;
    if (!ctx) return handler(request, route);
    let response: Response;
    try {
      response = await runWithTraceContext(ctx, () => handler(request, route));
    } catch (error) {
      console.error(`[traceboard] unhandled error in ${request.method} ${request.nextUrl.pathname} trace=${ctx.traceId}`, error);
      response = internalErrorResponse();
    }
    return withResponseHeaders(response, (headers) => {
      injectResponseHeaders(ctx, headers);
      applyCorsHeaders(request.headers, headers, config);
    });
  };
}

/** Response headers are mutable except on fetched or redirect responses; copy only then. */
function withResponseHeaders(response: Response, stamp: (headers: Headers) => void): Response {
  try {
    stamp(response.headers);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    stamp(copy.headers);
    return copy;
  }
}
