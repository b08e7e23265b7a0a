import "server-only";
import type { NextRequest } from "next/server";
import { SpanKind, StatusCode } from "@/lib/domain/span-record";
import type { TraceContext } from "@/lib/trace-context";
import { RecordingSpan } from "./recording-span";
import { exportSelfSpan } from "./span-exporter";

/**
 * The server span of one API request, named and attributed per the OpenTelemetry HTTP
 * semantic conventions (`GET /api/tracing/traces`; the route template, never the raw
 * path, so names stay low-cardinality).
 */
export function startServerSpan(request: NextRequest, ctx: TraceContext, route: string): RecordingSpan {
  const url = request.nextUrl;
  return new RecordingSpan(ctx, `${request.method} ${route}`, SpanKind.SERVER, exportSelfSpan)
    .setAttribute("http.request.method", request.method)
    .setAttribute("http.route", route)
    .setAttribute("url.path", url.pathname)
    .setAttribute("url.scheme", url.protocol.replace(/:$/, ""))
    .setAttribute("server.address", url.hostname)
    .setAttribute("server.port", url.port ? Number(url.port) : undefined)
    .setAttribute("user_agent.original", request.headers.get("user-agent"))
    .setAttribute("network.protocol.name", "http");
}

/** Ends the span with the response status; 5xx marks it as an error. */
export function endServerSpan(span: RecordingSpan, status: number): void {
  span.setAttribute("http.response.status_code", status);
  if (status >= 500) {
    span.setAttribute("error.type", String(status)).setStatus(StatusCode.ERROR, `HTTP ${status}`);
  }
  span.end();
}
