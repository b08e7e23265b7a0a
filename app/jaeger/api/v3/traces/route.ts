// GET /jaeger/api/v3/traces - Jaeger api_v3: search traces as OTLP
import { SearchJaegerGatewayTracesEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { JAEGER_V3_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { searchJaegerV3Traces } from "@/lib/query/jaeger/jaeger-v3";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(SearchJaegerGatewayTracesEndpoint, ({ query }) => searchJaegerV3Traces(query), JAEGER_V3_ROUTE_OPTIONS), {
  route: SearchJaegerGatewayTracesEndpoint.path,
});
