// GET /api/tracing/correlate/{traceId} - the trace summary beside its audit events, with found/has flags
import { CorrelateTraceEndpoint } from "@/lib/api/contracts/correlate";
import { parseParams, parseQuery } from "@/lib/api/endpoint";
import { correlateTrace } from "@/lib/query/correlate/correlate-trace";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  async (request, route: { params: Promise<{ traceId: string }> }) => {
    const params = await parseParams(CorrelateTraceEndpoint.params, route.params);
    if (!params.ok) return params.response;
    const query = parseQuery(CorrelateTraceEndpoint.query, request);
    if (!query.ok) return query.response;
    return Response.json(await correlateTrace(params.data.traceId, query.data));
  },
  { route: CorrelateTraceEndpoint.path },
);
