// GET /api/health - liveness and database reachability
import { GetHealthEndpoint, type HealthResponse } from "@/lib/api/contracts/health";
import { defineRoute } from "@/lib/api/define-route";
import { checkDatabase } from "@/lib/store";
import { withTracing } from "@/lib/tracing/with-tracing";
import { APP_VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";

// A raw Response: 503 with the same body when the database is down, and never cached.
export const GET = withTracing(
  defineRoute(GetHealthEndpoint, async () => {
    const database = await checkDatabase();
    const health: HealthResponse = { status: database.ok ? "ok" : "unavailable", version: APP_VERSION, database };
    return Response.json(health, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  }),
);
