// GET /api/health - liveness and database reachability
import { checkDatabase } from "@/lib/store";
import { withTracing } from "@/lib/tracing/with-tracing";
import { APP_VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";

export const GET = withTracing(async () => {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", version: APP_VERSION, database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
