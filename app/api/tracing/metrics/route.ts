// GET /api/tracing/metrics - RED time series and per-operation table
import type { NextRequest } from "next/server";
import { metricsEndpoint } from "@/lib/api/contracts/metrics";
import { parseQuery } from "@/lib/api/endpoint";
import { redMetrics } from "@/lib/query/metrics/red-metrics";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  async (request: NextRequest) => {
    const query = parseQuery(metricsEndpoint.query, request);
    if (!query.ok) return query.response;
    return Response.json(await redMetrics(query.data));
  },
  { route: metricsEndpoint.path },
);
