// GET /api/tracing/statistics - span and trace totals, distributions, storage size and ingest counters
import { statisticsEndpoint } from "@/lib/api/contracts/statistics";
import { ingestStatistics } from "@/lib/query/ingest-statistics";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(async () => Response.json(await ingestStatistics()), {
  route: statisticsEndpoint.path,
});
