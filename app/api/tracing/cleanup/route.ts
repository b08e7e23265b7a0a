// POST /api/tracing/cleanup?max_age_seconds=N - delete spans older than N seconds (default: the retention setting);
// the run is recorded in the audit trail as a `cleanup` event (actor from X-User-Id)
import { RunCleanupEndpoint } from "@/lib/api/contracts/cleanup";
import { defineRoute } from "@/lib/api/define-route";
import { recordCleanup } from "@/lib/audit/cleanup-event";
import { requestIdentity } from "@/lib/audit/request-identity";
import { retentionSeconds } from "@/lib/collector/retention/retention-config";
import { runRetention } from "@/lib/collector/retention/run-retention";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(
  defineRoute(RunCleanupEndpoint, async ({ query, request }) => {
    const result = await runRetention(query.max_age_seconds ?? retentionSeconds());
    await recordCleanup(result, "api", requestIdentity(request));
    return result;
  }),
  { route: RunCleanupEndpoint.path },
);
