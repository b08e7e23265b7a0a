// GET /tempo/api/v2/traces/{traceID} - Tempo: one trace in its v2 wrapper (JSON or protobuf)
import { GetTempoTraceByIdResponseEndpoint } from "@/lib/api/contracts/tempo";
import { defineRoute } from "@/lib/api/define-route";
import { TEMPO_ROUTE_OPTIONS } from "@/lib/query/tempo/tempo-errors";
import { getTempoTraceV2 } from "@/lib/query/tempo/tempo-trace";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(GetTempoTraceByIdResponseEndpoint, ({ params, query, request }) => getTempoTraceV2(params.traceID, request.headers.get("accept"), query.q), TEMPO_ROUTE_OPTIONS),
  { route: GetTempoTraceByIdResponseEndpoint.path },
);
