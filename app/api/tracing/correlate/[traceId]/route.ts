// GET /api/tracing/correlate/{traceId} - the trace summary beside its audit events, with found/has flags
import { CorrelateTraceEndpoint } from "@/lib/api/contracts/correlate";
import { defineRoute } from "@/lib/api/define-route";
import { correlateTrace } from "@/lib/query/correlate/correlate-trace";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(CorrelateTraceEndpoint, ({ params, query }) => correlateTrace(params.traceId, query)), {
  route: CorrelateTraceEndpoint.path,
});
