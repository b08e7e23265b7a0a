// GET /api/tracing/traces - trace search (filters, newest first, cursor pagination)
import { SearchTracesEndpoint } from "@/lib/api/contracts/traces";
import { defineRoute } from "@/lib/api/define-route";
import { searchTraces } from "@/lib/query/traces/search-traces";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(SearchTracesEndpoint, ({ query }) => searchTraces(query)), { route: SearchTracesEndpoint.path });
