// GET /jaeger/api/traces - Jaeger: search traces, or fetch several by id
import { SearchJaegerTracesEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { searchJaegerTraces } from "@/lib/query/jaeger/jaeger-api";
import { JAEGER_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(SearchJaegerTracesEndpoint, ({ query }) => searchJaegerTraces(query), JAEGER_ROUTE_OPTIONS), {
  route: SearchJaegerTracesEndpoint.path,
});
