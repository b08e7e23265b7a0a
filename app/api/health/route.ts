// GET /api/health - liveness and database reachability
import type { HealthResponse } from "@/lib/api/contracts/health";
import { checkDatabase } from "@/lib/store";
import { withTracing } from "@/lib/tracing/with-tracing";
import { APP_VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";

export const GET = withTracing(async () => {
  const database = await checkDatabase();
  const health: HealthResponse = { status: database.ok ? "ok" : "unavailable", version: APP_VERSION, database };
  return Response.json(health, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
