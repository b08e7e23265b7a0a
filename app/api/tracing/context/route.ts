// GET /api/tracing/context - the trace context this server continued or started for the request
import { GetTraceContextEndpoint } from "@/lib/api/contracts/propagation";
import { defineRoute } from "@/lib/api/define-route";
import { formatTraceparent, isSampled } from "@/lib/trace-context";
import { currentTraceContext } from "@/lib/tracing/context";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(GetTraceContextEndpoint, ({ request }) => {
    const ctx = currentTraceContext();
    const requestHeaders = {
      traceparent: request.headers.get("traceparent"),
      tracestate: request.headers.get("tracestate"),
      xTraceId: request.headers.get("x-trace-id"),
    };
    if (!ctx) return { context: null, requestHeaders };
    return {
      context: {
        traceId: ctx.traceId,
        spanId: ctx.spanId,
        parentSpanId: ctx.parentSpanId ?? null,
        sampled: isSampled(ctx.traceFlags),
        traceparent: formatTraceparent(ctx),
        tracestate: ctx.traceState?.serialize() || null,
      },
      requestHeaders,
    };
  }),
);
