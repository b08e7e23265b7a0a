// GET /api/tracing/traces/{traceId} - one trace in parent/child order, or as OTLP/JSON (?format=otlp)
import { GetTrace } from "@/lib/api/contracts/traces";
import { parseParams, parseQuery } from "@/lib/api/endpoint";
import { errorResponse } from "@/lib/api/errors";
import { getTraceDetail, getTraceOtlp } from "@/lib/query/traces/trace-detail";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing<{ params: Promise<Record<string, string>> }>(
  async (request, { params }) => {
    const path = await parseParams(GetTrace.params, params);
    if (!path.ok) return path.response;
    const query = parseQuery(GetTrace.query, request);
    if (!query.ok) return query.response;
    const { traceId } = path.data;
    const answer = query.data.format === "otlp" ? await getTraceOtlp(traceId) : await getTraceDetail(traceId);
    return answer ? Response.json(answer) : errorResponse("not_found", `no trace ${traceId}`);
  },
  { route: GetTrace.path },
);
