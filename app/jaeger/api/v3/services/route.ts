// GET /jaeger/api/v3/services - Jaeger api_v3: service names
import { ListJaegerGatewayServicesEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { JAEGER_V3_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { listJaegerV3Services } from "@/lib/query/jaeger/jaeger-v3";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListJaegerGatewayServicesEndpoint, () => listJaegerV3Services(), JAEGER_V3_ROUTE_OPTIONS), {
  route: ListJaegerGatewayServicesEndpoint.path,
});
