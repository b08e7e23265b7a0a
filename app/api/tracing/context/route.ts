// GET /api/tracing/context - the trace context this server continued or started for the request
import { formatTraceparent, isSampled } from "@/lib/trace-context";
import { currentTraceContext } from "@/lib/tracing/context";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(() => {
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
  });
});
