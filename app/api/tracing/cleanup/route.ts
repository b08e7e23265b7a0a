// POST /api/tracing/cleanup?max_age_seconds=N - delete spans older than N seconds (default: the retention setting);
// the run is recorded in the audit trail as a `cleanup` event (actor from X-User-Id)
import { z } from "zod";
import { validationErrorResponse } from "@/lib/api/errors";
import { requireAdmin } from "@/lib/api/require-admin";
import { recordCleanup } from "@/lib/audit/cleanup-event";
import { requestIdentity } from "@/lib/audit/request-identity";
import { retentionSeconds } from "@/lib/collector/retention/retention-config";
import { runRetention } from "@/lib/collector/retention/run-retention";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

const CleanupQuery = z.object({
  max_age_seconds: z
    .string()
    .regex(/^\d+$/, "expected a whole number of seconds")
    .transform(Number)
    .pipe(z.number().max(Number.MAX_SAFE_INTEGER))
    .optional(),
});

export const POST = withTracing(
  async (request) => {
    const denied = requireAdmin(request);
    if (denied) return denied;
    const query = CleanupQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!query.success) return validationErrorResponse(query.error);
    const result = await runRetention(query.data.max_age_seconds ?? retentionSeconds());
    await recordCleanup(result, "api", requestIdentity(request));
    return Response.json(result);
  },
  { route: "/api/tracing/cleanup" },
);
