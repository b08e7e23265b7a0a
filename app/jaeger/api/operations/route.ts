// GET /jaeger/api/operations - Jaeger: operations of a service with their span kinds
import { ListJaegerOperationsEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { listJaegerOperations } from "@/lib/query/jaeger/jaeger-api";
import { JAEGER_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(ListJaegerOperationsEndpoint, ({ query }) => listJaegerOperations(query.service, query.spanKind), JAEGER_ROUTE_OPTIONS),
  { route: ListJaegerOperationsEndpoint.path },
);
