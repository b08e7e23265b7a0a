// GET /api/tracing/context - the trace context this server continued or started for the request
import { formatTraceparent, isSampled } from "@/lib/trace-context";
import { currentTraceContext } from "@/lib/tracing/context";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing((request) => {
  const ctx = currentTraceContext();
  if (!ctx) return Response.json({ context: null });
  return Response.json({
    context: {
      traceId: ctx.traceId,
      spanId: ctx.spanId,
      parentSpanId: ctx.parentSpanId ?? null,
      sampled: isSampled(ctx.traceFlags),
      traceparent: formatTraceparent(ctx),
      tracestate: ctx.traceState?.serialize() || null,
    },
    // What the handler received, after propagation rewrote the request headers.
    requestHeaders: {
      traceparent: request.headers.get("traceparent"),
      tracestate: request.headers.get("tracestate"),
      xTraceId: request.headers.get("x-trace-id"),
    },
  });
});
