// GET /jaeger/api/services - Jaeger: service names
import { ListJaegerServicesEndpoint } from "@/lib/api/contracts/jaeger";
import { defineRoute } from "@/lib/api/define-route";
import { listJaegerServices } from "@/lib/query/jaeger/jaeger-api";
import { JAEGER_ROUTE_OPTIONS } from "@/lib/query/jaeger/jaeger-envelope";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListJaegerServicesEndpoint, () => listJaegerServices(), JAEGER_ROUTE_OPTIONS), {
  route: ListJaegerServicesEndpoint.path,
});
