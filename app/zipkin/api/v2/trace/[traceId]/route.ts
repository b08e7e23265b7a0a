// GET /zipkin/api/v2/trace/{traceId} - Zipkin: one trace
import { GetZipkinTraceEndpoint } from "@/lib/api/contracts/zipkin";
import { defineRoute } from "@/lib/api/define-route";
import { errorResponse } from "@/lib/api/errors";
import { getZipkinTrace } from "@/lib/query/zipkin/zipkin-api";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(GetZipkinTraceEndpoint, async ({ params: { traceId } }) => (await getZipkinTrace(traceId)) ?? errorResponse("not_found", `trace ${traceId} not found`)),
  { route: GetZipkinTraceEndpoint.path },
);
