// GET /api/tracing/dependencies - service graph with call and error counts
import { GetDependenciesEndpoint } from "@/lib/api/contracts/dependencies";
import { defineRoute } from "@/lib/api/define-route";
import { serviceGraph } from "@/lib/query/dependencies/service-graph";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetDependenciesEndpoint, ({ query }) => serviceGraph(query)), { route: GetDependenciesEndpoint.path });
