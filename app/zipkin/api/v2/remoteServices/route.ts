// GET /zipkin/api/v2/remoteServices - Zipkin: services a service called
import { ListZipkinRemoteServicesEndpoint } from "@/lib/api/contracts/zipkin";
import { defineRoute } from "@/lib/api/define-route";
import { zipkinRemoteServices } from "@/lib/query/zipkin/zipkin-api";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListZipkinRemoteServicesEndpoint, ({ query }) => zipkinRemoteServices(query.serviceName)), {
  route: ListZipkinRemoteServicesEndpoint.path,
});
