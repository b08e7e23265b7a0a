// GET /api/tracing/metrics - RED time series and per-operation table
import { GetMetricsEndpoint } from "@/lib/api/contracts/metrics";
import { defineRoute } from "@/lib/api/define-route";
import { redMetrics } from "@/lib/query/metrics/red-metrics";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetMetricsEndpoint, ({ query }) => redMetrics(query)), { route: GetMetricsEndpoint.path });
