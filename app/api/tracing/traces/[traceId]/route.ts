// GET /api/tracing/traces/{traceId} - one trace in parent/child order, or as OTLP/JSON (?format=otlp)
import { GetTrace } from "@/lib/api/contracts/traces";
import { parseParams, parseQuery } from "@/lib/api/endpoint";
import { errorResponse } from "@/lib/api/errors";
import { getTraceDetailJson, getTraceOtlp } from "@/lib/query/traces/trace-detail";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing<{ params: Promise<Record<string, string>> }>(
  async (request, { params }) => {
    const path = await parseParams(GetTrace.params, params);
    if (!path.ok) return path.response;
    const query = parseQuery(GetTrace.query, request);
    if (!query.ok) return query.response;
    const { traceId } = path.data;
    if (query.data.format === "otlp") {
      const otlp = await getTraceOtlp(traceId);
      return otlp ? Response.json(otlp) : errorResponse("not_found", `no trace ${traceId}`);
    }
    const detail = await getTraceDetailJson(traceId);
    return detail ? new Response(detail, { headers: { "content-type": "application/json" } }) : errorResponse("not_found", `no trace ${traceId}`);
  },
  { route: GetTrace.path },
);
