// GET /tempo/api/v2/search/tags - Tempo: tag names by scope
import { ListTempoScopedTagsEndpoint } from "@/lib/api/contracts/tempo";
import { defineRoute } from "@/lib/api/define-route";
import { TEMPO_ROUTE_OPTIONS } from "@/lib/query/tempo/tempo-errors";
import { tempoTagsV2Answer } from "@/lib/query/tempo/tempo-tags";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListTempoScopedTagsEndpoint, ({ query, request }) => tempoTagsV2Answer(query, request.headers.get("accept")), TEMPO_ROUTE_OPTIONS), {
  route: ListTempoScopedTagsEndpoint.path,
});
