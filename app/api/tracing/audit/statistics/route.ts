// GET /api/tracing/audit/statistics?start&end - audit event counts by action, by severity and per UTC day
import { GetAuditStatisticsEndpoint } from "@/lib/api/contracts/audit";
import { defineRoute } from "@/lib/api/define-route";
import { auditStatistics } from "@/lib/audit/audit-statistics";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetAuditStatisticsEndpoint, ({ query }) => auditStatistics(query)), {
  route: GetAuditStatisticsEndpoint.path,
});
