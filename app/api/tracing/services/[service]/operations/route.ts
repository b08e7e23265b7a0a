// GET /api/tracing/services/{service}/operations - span names and kinds of one service
import { ListOperations } from "@/lib/api/contracts/services";
import { parseParams, parseQuery } from "@/lib/api/endpoint";
import { errorResponse } from "@/lib/api/errors";
import { listOperations } from "@/lib/query/services/list-services";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing<{ params: Promise<Record<string, string>> }>(
  async (request, { params }) => {
    const path = await parseParams(ListOperations.params, params);
    if (!path.ok) return path.response;
    const query = parseQuery(ListOperations.query, request);
    if (!query.ok) return query.response;
    const answer = await listOperations(path.data.service, query.data.kind);
    return answer ? Response.json(answer) : errorResponse("not_found", `no service "${path.data.service}"`);
  },
  { route: ListOperations.path },
);
