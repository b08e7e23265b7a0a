// GET /api/tracing/audit/statistics?start&end - audit event counts by action, by severity and per UTC day
import { AuditStatisticsEndpoint } from "@/lib/api/contracts/audit";
import { parseQuery } from "@/lib/api/endpoint";
import { auditStatistics } from "@/lib/audit/audit-statistics";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  async (request) => {
    const query = parseQuery(AuditStatisticsEndpoint.query, request);
    if (!query.ok) return query.response;
    return Response.json(await auditStatistics(query.data));
  },
  { route: AuditStatisticsEndpoint.path },
);
