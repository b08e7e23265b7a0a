// GET /api/tracing/traces/{traceId}/spans/{spanId} - one span with every field (what the compact trace view leaves out)
import { GetSpanEndpoint } from "@/lib/api/contracts/span-detail";
import { defineRoute } from "@/lib/api/define-route";
import { errorResponse } from "@/lib/api/errors";
import { getStoredSpans } from "@/lib/query/traces/trace-detail";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(GetSpanEndpoint, async ({ params: { traceId, spanId } }) => {
    const spans = await getStoredSpans(traceId, spanId);
    return spans.length > 0 ? { spans } : errorResponse("not_found", `no span ${spanId} in trace ${traceId}`);
  }),
  { route: GetSpanEndpoint.path },
);
