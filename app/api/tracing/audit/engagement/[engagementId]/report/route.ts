// GET /api/tracing/audit/engagement/{engagementId}/report - counts, actors, resources and timeline of one engagement
import { GetEngagementReportEndpoint } from "@/lib/api/contracts/audit";
import { defineRoute } from "@/lib/api/define-route";
import { errorResponse } from "@/lib/api/errors";
import { engagementReport } from "@/lib/audit/engagement-report";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(GetEngagementReportEndpoint, async ({ params, query }) => {
    const report = await engagementReport(params.engagementId, query.limit);
    return report ?? errorResponse("not_found", `No audit event has engagementId ${params.engagementId}`);
  }),
  { route: GetEngagementReportEndpoint.path },
);
