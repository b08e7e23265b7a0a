// GET /jaeger/api/v3/traces/{trace_id} - Jaeger api_v3: one trace as OTLP
import { GetJaegerGatewayTraceEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { JAEGER_V3_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { getJaegerV3Trace } from "@/lib/query/jaeger/jaeger-v3";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetJaegerGatewayTraceEndpoint, ({ params }) => getJaegerV3Trace(params.trace_id), JAEGER_V3_ROUTE_OPTIONS), {
  route: GetJaegerGatewayTraceEndpoint.path,
});
