import { isExcludedPath, type TracingConfig } from "@/lib/config/tracing-config";
import {
  continueOrStartTrace,
  injectRequestHeaders,
  type TraceContext,
} from "@/lib/trace-context";

/**
 * The one propagation step shared by `middleware.ts` (pages) and the route-handler
 * wrapper (API routes): the context serving this request, or null when the path is
 * excluded from propagation.
 */
export function contextForRequest(headers: Headers, pathname: string, config: TracingConfig): TraceContext | null {
  if (isExcludedPath(pathname, config.excludePaths)) return null;
  return continueOrStartTrace(headers, config);
}

/** Request headers as handlers downstream should see them. */
export function forwardedRequestHeaders(incoming: Headers, ctx: TraceContext): Headers {
  const headers = new Headers(incoming);
  injectRequestHeaders(ctx, headers);
  return headers;
}
