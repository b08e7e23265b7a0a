// GET /tempo/api/v2/search/tag/{tag}/values - Tempo: typed values of a TraceQL identifier
import { ListTempoTypedTagValuesEndpoint } from "@/lib/api/contracts/tempo";
import { defineRoute } from "@/lib/api/define-route";
import { TEMPO_ROUTE_OPTIONS } from "@/lib/query/tempo/tempo-errors";
import { tempoTagValuesV2Answer } from "@/lib/query/tempo/tempo-tag-values";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListTempoTypedTagValuesEndpoint, ({ params, query, request }) => tempoTagValuesV2Answer(params.tag, query, request.headers.get("accept")), TEMPO_ROUTE_OPTIONS), {
  route: ListTempoTypedTagValuesEndpoint.path,
});
