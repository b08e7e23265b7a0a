// GET /jaeger/api/v3/operations - Jaeger api_v3: operations of a service
import { ListJaegerGatewayOperationsEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { JAEGER_V3_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { listJaegerV3Operations } from "@/lib/query/jaeger/jaeger-v3";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(ListJaegerGatewayOperationsEndpoint, ({ query }) => listJaegerV3Operations(query.service, query.span_kind), JAEGER_V3_ROUTE_OPTIONS),
  { route: ListJaegerGatewayOperationsEndpoint.path },
);
