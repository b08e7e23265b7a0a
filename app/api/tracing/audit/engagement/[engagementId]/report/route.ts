// GET /api/tracing/audit/engagement/{engagementId}/report - counts, actors, resources and timeline of one engagement
import { EngagementReportEndpoint } from "@/lib/api/contracts/audit";
import { parseParams, parseQuery } from "@/lib/api/endpoint";
import { errorResponse } from "@/lib/api/errors";
import { engagementReport } from "@/lib/audit/engagement-report";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  async (request, route: { params: Promise<{ engagementId: string }> }) => {
    const params = await parseParams(EngagementReportEndpoint.params, route.params);
    if (!params.ok) return params.response;
    const query = parseQuery(EngagementReportEndpoint.query, request);
    if (!query.ok) return query.response;
    const report = await engagementReport(params.data.engagementId, query.data.limit);
    if (!report) return errorResponse("not_found", `No audit event has engagementId ${params.data.engagementId}`);
    return Response.json(report);
  },
  { route: EngagementReportEndpoint.path },
);
