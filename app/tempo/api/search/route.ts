// GET /tempo/api/search - Tempo: search traces by TraceQL or tags
import { SearchTempoTracesEndpoint } from "@/lib/api/contracts/tempo";
import { defineRoute } from "@/lib/api/define-route";
import { TEMPO_ROUTE_OPTIONS } from "@/lib/query/tempo/tempo-errors";
import { tempoSearchAnswer } from "@/lib/query/tempo/tempo-search";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(SearchTempoTracesEndpoint, ({ query, request }) => tempoSearchAnswer(query, request.headers.get("accept")), TEMPO_ROUTE_OPTIONS), {
  route: SearchTempoTracesEndpoint.path,
});
