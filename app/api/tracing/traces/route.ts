// GET /api/tracing/traces - trace search (filters, newest first, cursor pagination)
import { SearchTraces } from "@/lib/api/contracts/traces";
import { parseQuery } from "@/lib/api/endpoint";
import { searchTraces } from "@/lib/query/traces/search-traces";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  async (request) => {
    const query = parseQuery(SearchTraces.query, request);
    if (!query.ok) return query.response;
    return Response.json(await searchTraces(query.data));
  },
  { route: SearchTraces.path },
);
