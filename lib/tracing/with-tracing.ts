import "server-only";
import { NextRequest } from "next/server";
import { tracingConfig } from "@/lib/config/tracing-config";
import { injectRequestHeaders, injectResponseHeaders } from "@/lib/trace-context";
import { internalErrorResponse } from "@/lib/api/errors";
import { runWithTraceContext } from "./context";
import { applyCorsHeaders } from "./cors";
import { contextForRequest } from "./request-propagation";
import { endServerSpan, startServerSpan } from "./server-span";

type RouteHandler<P> = (request: NextRequest, route: P) => Response | Promise<Response>;

export interface WithTracingOptions {
  /** The route template for span names, e.g. `/api/tracing/traces/{traceId}`; default the path. */
  route?: string;
  /** False for ingest routes: propagate headers but record no span (no feedback loop). */
  record?: boolean;
}

/**
 * Wraps an API route handler: continues or starts the trace (the same core as
 * `middleware.ts`, which does not run for `/api`), records the server span, makes it
 * the current context for the handler, and stamps `traceparent`, `X-Trace-ID` and CORS
 * headers on the response. A thrown error becomes a 500 that still carries the trace
 * headers, and an exception event on the span. Access and input parsing are the
 * wrapped handler's (`defineRoute`, lib/api/define-route.ts), so a refusal carries the
 * trace headers too.
 */
export function withTracing<P>(handler: RouteHandler<P>, options: WithTracingOptions = {}): RouteHandler<P> {
  return async (request, route) => {
    const config = tracingConfig();
    if (!config.routeTracingEnabled) return handler(request, route);
    const ctx = contextForRequest(request.headers, request.nextUrl.pathname, config);
    if (!ctx) {
      const response = await handler(request, route);
      return stampHeaders(response, (headers) => applyCorsHeaders(request.headers, headers, config), copyResponse(response));
    }
    const span = options.record === false ? null : startServerSpan(request, ctx, options.route ?? request.nextUrl.pathname);
    let response: Response;
    try {
      // The handler sees the propagated headers, as pages do behind middleware.ts.
      const forwarded = stampHeaders(
        request,
        (headers) => injectRequestHeaders(ctx, headers),
        (headers) => new NextRequest(request, { headers }),
      );
      response = await runWithTraceContext(ctx, () => handler(forwarded, route));
    } catch (error) {
      console.error(`[traceboard] unhandled error in ${request.method} ${request.nextUrl.pathname} trace=${ctx.traceId}`, error);
      span?.recordException(error);
      response = internalErrorResponse();
    }
    if (span) endServerSpan(span, response.status);
    return stampHeaders(
      response,
      (headers) => {
        injectResponseHeaders(ctx, headers);
        applyCorsHeaders(request.headers, headers, config);
      },
      copyResponse(response),
    );
  };
}

/**
 * Stamps headers on a request or response in place; when its headers are immutable
 * (fetched or redirect responses), on a copy made by `copy`.
 */
function stampHeaders<T extends { headers: Headers }>(
  message: T,
  stamp: (headers: Headers) => void,
  copy: (headers: Headers) => T,
): T {
  try {
    stamp(message.headers);
    return message;
  } catch {
    const headers = new Headers(message.headers);
    stamp(headers);
    return copy(headers);
  }
}

function copyResponse(response: Response): (headers: Headers) => Response {
  return (headers) => new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
