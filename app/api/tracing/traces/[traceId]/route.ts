// GET /api/tracing/traces/{traceId} - one trace in parent/child order (?view=compact: as columns), or as OTLP/JSON (?format=otlp)
import { GetTraceEndpoint } from "@/lib/api/contracts/traces";
import { defineRoute } from "@/lib/api/define-route";
import { errorResponse } from "@/lib/api/errors";
import { getTraceDetailJson, getTraceOtlp } from "@/lib/query/traces/trace-detail";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

// The detail is answered as the cached JSON text (a raw Response), not re-serialized.
export const GET = withTracing(
  defineRoute(GetTraceEndpoint, async ({ params: { traceId }, query }) => {
    const notFound = () => errorResponse("not_found", `no trace ${traceId}`);
    if (query.format === "otlp") return (await getTraceOtlp(traceId)) ?? notFound();
    const detail = await getTraceDetailJson(traceId, query.view);
    return detail ? new Response(detail, { headers: { "content-type": "application/json" } }) : notFound();
  }),
  { route: GetTraceEndpoint.path },
);
