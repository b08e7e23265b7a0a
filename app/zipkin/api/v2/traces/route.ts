// GET /zipkin/api/v2/traces - Zipkin: search traces
import { SearchZipkinTracesEndpoint } from "@/lib/api/contracts/zipkin";
import { defineRoute } from "@/lib/api/define-route";
import { searchZipkinTraces } from "@/lib/query/zipkin/zipkin-api";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(SearchZipkinTracesEndpoint, ({ query }) => searchZipkinTraces(query)), { route: SearchZipkinTracesEndpoint.path });
