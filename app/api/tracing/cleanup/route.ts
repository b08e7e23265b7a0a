// POST /api/tracing/cleanup?max_age_seconds=N - delete spans older than N seconds (default: the retention setting)
import { CleanupEndpoint, type CleanupResponse } from "@/lib/api/contracts/cleanup";
import { parseQuery } from "@/lib/api/endpoint";
import { requireAdmin } from "@/lib/api/require-admin";
import { retentionSeconds } from "@/lib/collector/retention/retention-config";
import { runRetention } from "@/lib/collector/retention/run-retention";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(
  async (request) => {
    const denied = requireAdmin(request);
    if (denied) return denied;
    const query = parseQuery(CleanupEndpoint.query, request);
    if (!query.ok) return query.response;
    const result: CleanupResponse = await runRetention(query.data.max_age_seconds ?? retentionSeconds());
    return Response.json(result);
  },
  { route: "/api/tracing/cleanup" },
);
