// GET /tempo/api/traces/{traceID} - Tempo: one trace (JSON or protobuf)
import { GetTempoTraceEndpoint } from "@/lib/api/contracts/tempo";
import { defineRoute } from "@/lib/api/define-route";
import { TEMPO_ROUTE_OPTIONS } from "@/lib/query/tempo/tempo-errors";
import { getTempoTrace } from "@/lib/query/tempo/tempo-trace";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(GetTempoTraceEndpoint, ({ params, request }) => getTempoTrace(params.traceID, request.headers.get("accept")), TEMPO_ROUTE_OPTIONS),
  { route: GetTempoTraceEndpoint.path },
);
