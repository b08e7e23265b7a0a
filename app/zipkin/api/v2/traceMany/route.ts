// GET /zipkin/api/v2/traceMany - Zipkin: several traces by id
import { GetZipkinTracesEndpoint } from "@/lib/api/contracts/zipkin";
import { defineRoute } from "@/lib/api/define-route";
import { getZipkinTraces } from "@/lib/query/zipkin/zipkin-api";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetZipkinTracesEndpoint, ({ query }) => getZipkinTraces(query.traceIds)), { route: GetZipkinTracesEndpoint.path });
