// GET /jaeger/api/traces/{traceID} - Jaeger: one trace
import { GetJaegerTraceEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { getJaegerTrace } from "@/lib/query/jaeger/jaeger-api";
import { JAEGER_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetJaegerTraceEndpoint, ({ params }) => getJaegerTrace(params.traceID), JAEGER_ROUTE_OPTIONS), {
  route: GetJaegerTraceEndpoint.path,
});
