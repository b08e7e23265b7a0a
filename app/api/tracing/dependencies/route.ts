// GET /api/tracing/dependencies - service graph with call and error counts
import type { NextRequest } from "next/server";
import { dependenciesEndpoint } from "@/lib/api/contracts/dependencies";
import { parseQuery } from "@/lib/api/endpoint";
import { serviceGraph } from "@/lib/query/dependencies/service-graph";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  async (request: NextRequest) => {
    const query = parseQuery(dependenciesEndpoint.query, request);
    if (!query.ok) return query.response;
    return Response.json(await serviceGraph(query.data));
  },
  { route: dependenciesEndpoint.path },
);
