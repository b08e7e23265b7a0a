// GET /api/tracing/compare?a=&b= - two traces merged by (service, operation) path, with their differences
import { GetTraceComparisonEndpoint } from "@/lib/api/contracts/compare";
import { defineRoute } from "@/lib/api/define-route";
import { errorResponse } from "@/lib/api/errors";
import { compareStoredTraces } from "@/lib/query/traces/compare-traces";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(GetTraceComparisonEndpoint, async ({ query: { a, b } }) => {
    const result = await compareStoredTraces(a, b);
    if (result.found) return result.comparison;
    const named = result.missing.map(({ role, traceId }) => `${traceId} (${role})`).join(" and ");
    return errorResponse("not_found", `no trace ${named}`, result.missing);
  }),
  { route: GetTraceComparisonEndpoint.path },
);
