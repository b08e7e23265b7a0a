// GET /jaeger/api/services/{service}/operations - Jaeger: operation names of a service
import { ListJaegerServiceOperationsEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { listJaegerOperationNames } from "@/lib/query/jaeger/jaeger-api";
import { JAEGER_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(ListJaegerServiceOperationsEndpoint, ({ params }) => listJaegerOperationNames(params.service), JAEGER_ROUTE_OPTIONS),
  { route: ListJaegerServiceOperationsEndpoint.path },
);
