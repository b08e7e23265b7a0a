// GET /tempo/api/search/tags - Tempo: tag names
import { ListTempoTagsEndpoint } from "@/lib/api/contracts/tempo";
import { defineRoute } from "@/lib/api/define-route";
import { TEMPO_ROUTE_OPTIONS } from "@/lib/query/tempo/tempo-errors";
import { tempoTagsAnswer } from "@/lib/query/tempo/tempo-tags";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListTempoTagsEndpoint, ({ query, request }) => tempoTagsAnswer(query, request.headers.get("accept")), TEMPO_ROUTE_OPTIONS), {
  route: ListTempoTagsEndpoint.path,
});
