// GET /zipkin/api/v2/dependencies - Zipkin: calls between services
import { GetZipkinDependenciesEndpoint } from "@/lib/api/contracts/zipkin";
import { defineRoute } from "@/lib/api/define-route";
import { zipkinDependencies } from "@/lib/query/zipkin/zipkin-api";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetZipkinDependenciesEndpoint, ({ query }) => zipkinDependencies(query)), { route: GetZipkinDependenciesEndpoint.path });
