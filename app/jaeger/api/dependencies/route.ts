// GET /jaeger/api/dependencies - Jaeger: calls between services
import { GetJaegerDependenciesEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { jaegerDependencies } from "@/lib/query/jaeger/jaeger-api";
import { JAEGER_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetJaegerDependenciesEndpoint, ({ query }) => jaegerDependencies(query), JAEGER_ROUTE_OPTIONS), {
  route: GetJaegerDependenciesEndpoint.path,
});
