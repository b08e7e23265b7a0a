// GET /tempo/api/search/tag/{tag}/values - Tempo: values of a tag
import { ListTempoTagValuesEndpoint } from "@/lib/api/contracts/tempo";
import { defineRoute } from "@/lib/api/define-route";
import { TEMPO_ROUTE_OPTIONS } from "@/lib/query/tempo/tempo-errors";
import { tempoTagValuesAnswer } from "@/lib/query/tempo/tempo-tag-values";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListTempoTagValuesEndpoint, ({ params, query, request }) => tempoTagValuesAnswer(params.tag, query, request.headers.get("accept")), TEMPO_ROUTE_OPTIONS), {
  route: ListTempoTagValuesEndpoint.path,
});
