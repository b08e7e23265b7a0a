// GET /tempo/api/status/buildinfo - Tempo: build information
import { GetTempoBuildInfoEndpoint } from "@/lib/api/contracts/tempo";
import { defineRoute } from "@/lib/api/define-route";
import { tempoBuildInfo } from "@/lib/query/tempo/build-info";
import { TEMPO_ROUTE_OPTIONS } from "@/lib/query/tempo/tempo-errors";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetTempoBuildInfoEndpoint, () => tempoBuildInfo(), TEMPO_ROUTE_OPTIONS), {
  route: GetTempoBuildInfoEndpoint.path,
});
