// GET /tempo/api/echo - Tempo: `echo`, the data source test
import { GetTempoEchoEndpoint } from "@/lib/api/contracts/tempo";
import { defineRoute } from "@/lib/api/define-route";
import { tempoEcho } from "@/lib/query/tempo/build-info";
import { TEMPO_ROUTE_OPTIONS } from "@/lib/query/tempo/tempo-errors";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetTempoEchoEndpoint, () => tempoEcho(), TEMPO_ROUTE_OPTIONS), { route: GetTempoEchoEndpoint.path });
