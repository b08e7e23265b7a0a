// GET /api/tracing/statistics - span and trace totals, distributions, storage size and ingest counters
import { GetStatisticsEndpoint } from "@/lib/api/contracts/statistics";
import { defineRoute } from "@/lib/api/define-route";
import { ingestStatistics } from "@/lib/query/ingest-statistics";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetStatisticsEndpoint, () => ingestStatistics()), { route: GetStatisticsEndpoint.path });
