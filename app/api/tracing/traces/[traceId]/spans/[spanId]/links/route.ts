// GET /api/tracing/traces/{traceId}/spans/{spanId}/links - a span's links, resolved, and the spans linking to it
import { GetSpanLinksEndpoint } from "@/lib/api/contracts/span-links";
import { defineRoute } from "@/lib/api/define-route";
import { errorResponse } from "@/lib/api/errors";
import { getSpanLinks } from "@/lib/query/traces/span-links";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(GetSpanLinksEndpoint, async ({ params: { traceId, spanId } }) => {
    return (await getSpanLinks(traceId, spanId)) ?? errorResponse("not_found", `no span ${spanId} in trace ${traceId}`);
  }),
  { route: GetSpanLinksEndpoint.path },
);
