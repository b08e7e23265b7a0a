// GET /api/tracing/services/{service}/operations - span names and kinds of one service
import { ListOperationsEndpoint } from "@/lib/api/contracts/services";
import { defineRoute } from "@/lib/api/define-route";
import { errorResponse } from "@/lib/api/errors";
import { listOperations } from "@/lib/query/services/list-services";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(ListOperationsEndpoint, async ({ params, query }) => {
    const answer = await listOperations(params.service, query.kind);
    return answer ?? errorResponse("not_found", `no service "${params.service}"`);
  }),
  { route: ListOperationsEndpoint.path },
);
